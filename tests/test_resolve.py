"""Indicator resolution: the measure, the part of it and whose figure it is (SPEC sections 3 and 4).

Every case is a sentence written in the style of a community report, the figure it is about, and
the expected indicator, breakdown and scope.
"""

import pytest

import nlp
from nlp.figures.breakdown import markers_before, read_modifier
from nlp.figures.measures import resolve_noun
from nlp.figures.scope import scope_of

COMMUNITY = "幸福里社区2023年工作总结\n"
TOWNSHIP = "东山镇2023年上半年民政工作总结\n"
VILLAGE = "柳林村2023年工作总结\n"
TOWNSHIP_TC = "2021年河東鎮民政工作總結\n"
STREET = "长安街道2022年上半年工作总结\n"

# (document, figure text, indicator, breakdown, scope)
CASES = [
    # the SPEC examples
    (COMMUNITY + "社区现有党员73名，其中女党员16名。", "73名", "party_members", None, "unit"),
    (COMMUNITY + "社区现有党员73名，其中女党员16名。", "16名", "party_members", {"sex": "女"}, "unit"),
    (COMMUNITY + "全市城市低保6195户，农村低保1200户。", "6195户", "low_income_households", {"area": "城市"}, "wider"),
    (COMMUNITY + "本社区新增低保5户，退出低保2户。", "5户", "low_income_households", {"change": "新增"}, "unit"),
    (COMMUNITY + "本社区新增低保5户，退出低保2户。", "2户", "low_income_households", {"change": "退出"}, "unit"),
    (COMMUNITY + "据统计，全市共有低保户3000户。", "3000户", "low_income_households", None, "wider"),
    # parts of party members
    (COMMUNITY + "党支部共有党员58名，流动党员6名，在职党员21名。", "6名", "party_members", {"status": "流动"}, "unit"),
    (COMMUNITY + "党支部共有党员58名，流动党员6名，在职党员21名。", "21名", "party_members", {"status": "在职"}, "unit"),
    (COMMUNITY + "社区有党员58名，预备党员3名。", "3名", "party_members", {"status": "预备"}, "unit"),
    (COMMUNITY + "社区有党员58名，其中35岁以下党员9名。", "9名", "party_members", {"age": "35岁以下"}, "unit"),
    # a part named alone in a 其中 clause is a part of the whole before it
    (COMMUNITY + "辖区总人口为4120人，其中男性2050人，女性2070人。", "4120人", "population_total", None, "unit"),
    (COMMUNITY + "辖区总人口为4120人，其中男性2050人，女性2070人。", "2070人", "population_total", {"sex": "女"}, "unit"),
    # count word first, spaces around the figure; masked totals
    (COMMUNITY + "辖区总人口 3456 人，党员 61 名。", "3456 人", "population_total", None, "unit"),
    (COMMUNITY + "社区共有*户，***人。", "*户", "households_total", None, "unit"),
    (COMMUNITY + "社区共有*户，***人。", "***人", "population_total", None, "unit"),
    # kinds of activities
    (COMMUNITY + "全年开展各类活动36场，其中文艺演出4场。", "36场", "activities_held", None, "unit"),
    (COMMUNITY + "全年开展各类活动36场，其中文艺演出4场。", "4场", "activities_held", {"kind": "文艺演出"}, "unit"),
    (COMMUNITY + "组织开展重阳节敬老活动3次。", "3次", "activities_held", {"kind": "重阳节敬老活动"}, "unit"),
    # the verb decides
    (COMMUNITY + "社区干部走访困难家庭86户。", "86户", "households_visited", None, "unit"),
    (COMMUNITY + "全年调解各类纠纷23起，调解成功率96%。", "23起", "disputes_mediated", None, "unit"),
    (COMMUNITY + "组织党员45名到红色教育基地参观学习。", "45名", None, None, "unit"),
    # those acted on are no stock of the community
    (COMMUNITY + "为辖区居民120户安装燃气报警器。", "120户", None, None, "unit"),
    (COMMUNITY + "对辖区党员85名进行培训，社区现有党员73名。", "85名", None, None, "unit"),
    (COMMUNITY + "对辖区党员85名进行培训，社区现有党员73名。", "73名", "party_members", None, "unit"),
    (COMMUNITY + "辖区居民1800人参加了健身活动，社区现有居民3200人。", "1800人", "participants", {"kind": "健身活动"}, "unit"),
    (COMMUNITY + "辖区居民1800人参加了健身活动，社区现有居民3200人。", "3200人", "population_total", None, "unit"),
    # a modifier no table knows makes another measure
    (COMMUNITY + "社区有贫困人口35人。", "35人", None, None, "unit"),
    # places
    (COMMUNITY + "在街道党工委的正确领导下，社区全年开展活动20次。", "20次", "activities_held", None, "unit"),
    (COMMUNITY + "辖区所在的街道共有党员3000名。", "3000名", "party_members", None, "wider"),
    (COMMUNITY + "其中丽景小区有党员14名。", "14名", "party_members", None, "part"),
    (COMMUNITY + "协助红星社区调解纠纷4起。", "4起", "disputes_mediated", None, "other"),
    (TOWNSHIP + "全镇共有农村低保户612户、低保对象1187人。", "1187人", "low_income_persons", {"area": "农村"}, "unit"),
    (TOWNSHIP + "全镇共有党员900名，其中龙泉村有党员85名。", "85名", "party_members", None, "part"),
    (TOWNSHIP + "全镇各村共调解矛盾纠纷56起。", "56起", "disputes_mediated", None, "unit"),
    (TOWNSHIP + "桃园村投资80万元硬化道路2公里。", "80万元", "investment_yuan", {"kind": "硬化道路2公里"}, "part"),
    (TOWNSHIP + "全镇共有基层党组织42个。", "42个", "party_branches", None, "unit"),
    # a village's report
    (VILLAGE + "全村总人口2310人，其中外出务工人员680人。", "680人", "employed_persons", {"status": "外出"}, "unit"),
    (VILLAGE + "调解矛盾纠纷12起，成功率100%。", "100%", "mediation_success_rate", None, "unit"),
    (VILLAGE + "全镇共有低保户860户。", "860户", "low_income_households", None, "wider"),
    (VILLAGE + "硬化村组道路3.5公里。", "3.5公里", "roads_built", None, "unit"),
    (VILLAGE + "开展文艺演出3场、篮球赛1场。", "1场", "activities_held", {"kind": "篮球赛"}, "unit"),
    # a street's report: its communities are parts, the district is wider
    (STREET + "全街道共有党员3260名。龙泉社区有党员310名。", "3260名", "party_members", None, "unit"),
    (STREET + "全街道共有党员3260名。龙泉社区有党员310名。", "310名", "party_members", None, "part"),
    (STREET + "全区共有志愿者2.3万名。", "2.3万名", "volunteers", None, "wider"),
    # money is counted by purpose; a sum per person is no total
    (COMMUNITY + "全年共投入资金120万元。", "120万元", "investment_yuan", None, "unit"),
    (COMMUNITY + "投资28万元对2个老旧小区进行改造。", "28万元", "investment_yuan", {"kind": "对2个老旧小区进行改造"}, "unit"),
    (COMMUNITY + "为困难户每人每月发放补贴200元。", "200元", None, None, "unit"),
    # a township's report in traditional script
    (TOWNSHIP_TC + "全鎮共有城鄉低保對象1260人，其中城市低保對象85人。", "1260人", "low_income_persons", None, "unit"),
    (TOWNSHIP_TC + "全鎮共有城鄉低保對象1260人，其中城市低保對象85人。", "85人", "low_income_persons", {"area": "城市"}, "unit"),
    (TOWNSHIP_TC + "全縣低保戶共計1.2萬戶。", "1.2萬戶", "low_income_households", None, "wider"),
    (TOWNSHIP_TC + "柳溪村新增低保戶6戶。", "6戶", "low_income_households", {"change": "新增"}, "part"),
    # no column for rates per period or head, earlier periods, shares (GUIDELINES)
    (COMMUNITY + "社区每月开展志愿服务1次。", "1次", None, None, "unit"),
    (COMMUNITY + "今年发案2宗，去年同期发案4宗。", "4宗", None, None, "unit"),
    (COMMUNITY + "居委会成员5人，其中女性占40%。", "40%", None, None, "unit"),
    (COMMUNITY + "社区全年举办大型文化活动3次。", "3次", "activities_held", {"kind": "大型文化活动"}, "unit"),
    (VILLAGE + "农民人均纯收入12500元，村集体经济收入15万元。", "12500元", "income_yuan", {"kind": "人均"}, "unit"),
    (COMMUNITY + "开展专题宣讲15场。", "15场", "activities_held", {"kind": "专题宣讲"}, "unit"),
    (COMMUNITY + "居民对居委会工作满意率87%，居民对小区治安满意率98%。", "87%", "satisfaction_rate", None, "unit"),
    (COMMUNITY + "居民对居委会工作满意率87%，居民对小区治安满意率98%。", "98%", "satisfaction_rate", {"kind": "小区治安"}, "unit"),
    (COMMUNITY + "全年共发放低保春节慰问金4600元。", "4600元", "funds_disbursed_yuan", {"kind": "低保春节慰问金"}, "unit"),
    (COMMUNITY + "社区共排查矛盾纠纷28起，成功调解27起。", "28起", "disputes_mediated", {"kind": "排查矛盾纠纷"}, "unit"),
    # the written reports' gold (w006 w019 w033 w042): the disputes mediated successfully after the count
    # of those found are a part, {"status": "成功"} (rule outcome_after_count)
    (COMMUNITY + "社区共排查矛盾纠纷28起，成功调解27起。", "27起", "disputes_mediated", {"status": "成功"}, "unit"),
    (COMMUNITY + "下一步，力争群众满意率达到98%以上。", "98%以上", "satisfaction_rate", None, "unit"),
    # age bands: a measure defined by its band is whole, a narrower band is a part
    (COMMUNITY + "常住人口4380人，其中60岁以上老年人910人。", "910人", "elderly_persons", None, "unit"),
    (COMMUNITY + "辖区60岁以上老人520人，其中80岁以上老人96人。", "96人", "elderly_persons", {"age": "80岁以上"}, "unit"),
    # a sum of money is whole only as a total; any other sum is one thing's (wholes.py)
    (COMMUNITY + "今年社区服务站改建完工，投资16万余元。", "16万余元", "investment_yuan", {"kind": "项目"}, "unit"),
    (COMMUNITY + "争取专项维修资金8.5万元。", "8.5万元", "investment_yuan", {"kind": "维修资金"}, "unit"),
    (COMMUNITY + "两个小区改造项目总投资560万元。", "560万元", "investment_yuan", None, "unit"),
    (COMMUNITY + "全年累计发放各类资金21万元。", "21万元", "funds_disbursed_yuan", None, "unit"),
    # a verb makes its measure only of a noun the table knows (or of none, or of the act itself)
    (COMMUNITY + "协助银行发放小额贴息贷款30万元。", "30万元", None, None, "unit"),
    (COMMUNITY + "社区干部走访辖区群众260户。", "260户", "households_visited", None, "unit"),
    (COMMUNITY + "社区开展免费培训45人。", "45人", "trainees", None, "unit"),
    # a rate about one object after 对, quotes or not, is a kind; the overall one is whole
    (COMMUNITY + "居民对“一站式服务”满意率97%。", "97%", "satisfaction_rate", {"kind": "一站式服务"}, "unit"),
    (COMMUNITY + "年底测评，群众满意率96%。", "96%", "satisfaction_rate", None, "unit"),
    # 新增 is a change, never part of the measure's name
    (VILLAGE + "全年新增就业38人。", "38人", "employed_persons", {"change": "新增"}, "unit"),
    (VILLAGE + "全村农村劳动力转移就业260人。", "260人", "employed_persons", {"kind": "转移"}, "unit"),
    # the total of one project is that project's
    (COMMUNITY + "该项目总投资120万元。", "120万元", "investment_yuan", {"kind": "项目"}, "unit"),
    # the act named with a modifier that narrows it is one kind of it; a name of the measure is not
    (COMMUNITY + "开展职业技能培训120人次。", "120人次", "trainees", {"kind": "职业技能培训"}, "unit"),
    (COMMUNITY + "组织开展治安巡逻48次。", "48次", "patrols", None, "unit"),
    # acts listed before 等 + the measure's own name are examples of it, the whole (GUIDELINES gold11 call 3,
    # rule ``listed_examples``); before the name of one sort of the measure they are the kinds counted
    (COMMUNITY + "开展宣传、义诊等活动6次。", "6次", "activities_held", None, "unit"),
    (COMMUNITY + "举办防汛、急救等讲座4场。", "4场", "trainings", {"kind": "急救等讲座"}, "unit"),
    # those who took part in one named act are its audience; all acts of the year are the whole
    (COMMUNITY + "开展元宵节猜灯谜活动，参与群众300人次。", "300人次", "participants", {"kind": "元宵节猜灯谜活动"}, "unit"),
    (COMMUNITY + "全年开展各类活动42场，参与群众3000人次。", "3000人次", "participants", None, "unit"),
    # a rate naming no object after a count of another domain is that count's rate
    (COMMUNITY + "办理居民诉求86件，满意率100%。", "100%", "satisfaction_rate", {"kind": "诉求"}, "unit"),
    (VILLAGE + "调解矛盾纠纷12起，成功率100%。", "100%", "mediation_success_rate", None, "unit"),
    # a figure right after a quoted name counts what is quoted: no bare population total
    (COMMUNITY + "培育“好邻居”12人。", "12人", None, None, "unit"),
    (COMMUNITY + "社区现有1835户，5472人。", "5472人", "population_total", None, "unit"),
    (COMMUNITY + "辖区内共有居民2100户，6300人。", "6300人", "population_total", None, "unit"),
    # those an act reached, listed after 涉及/惠及, are no stock of the unit
    (COMMUNITY + "改造老旧小区3个，涉及楼栋58栋、住户2670户。辖区现有住户3200户。", "2670户", None, None, "unit"),
    (COMMUNITY + "改造老旧小区3个，涉及楼栋58栋、住户2670户。辖区现有住户3200户。", "3200户", "households_total", None, "unit"),
    # a government's own statistics: named totals leave the measure whole; cases solved are no count of cases
    ("临河县2021年政府工作报告\n全县完成全社会固定资产投资18.6亿元。", "18.6亿元", "investment_yuan", None, "unit"),
    ("临河县2021年政府工作报告\n全年各项投资总计为2.3亿元。", "2.3亿元", "investment_yuan", None, "unit"),
    ("临河县2021年政府工作报告\n全县破获刑事案件412起。", "412起", None, None, "unit"),
    # verbs of existence and occurrence leave the measure whole
    (COMMUNITY + "辖区内有低保户35户68人。", "35户", "low_income_households", None, "unit"),
    (COMMUNITY + "全年辖区共发生刑事案件3起。", "3起", "criminal_cases", None, "unit"),
    # breakdown values as the SPEC writes them: sex 女/男, a rate's object as written, a donation's occasion
    (COMMUNITY + "社区有党员60名，其中女性党员22名。", "22名", "party_members", {"sex": "女"}, "unit"),
    (COMMUNITY + "群众和谐社区建设满意率97%。", "97%", "satisfaction_rate", {"kind": "和谐社区建设"}, "unit"),
    (COMMUNITY + "组织居民为抗洪救灾捐款6800元。", "6800元", "donations_yuan", {"kind": "抗洪救灾"}, "unit"),
    (VILLAGE + "全村有脱贫户52户，186人。", "186人", None, None, "unit"),
    (VILLAGE + "全村共有农户426户1580人。", "1580人", "population_total", None, "unit"),
    (VILLAGE + "全村有贫困户38户126人。", "126人", None, None, "unit"),
    (COMMUNITY + "改造项目3个，总投资560万元。", "560万元", "investment_yuan", None, "unit"),
    (COMMUNITY + "项目占地12亩，总投资560万元。", "560万元", "investment_yuan", {"kind": "项目"}, "unit"),
    # a place that only locates the unit owns none of its figures
    (COMMUNITY + "社区地处城南街道西北部，共有居民2140户、6230人。", "2140户", "households_total", None, "unit"),
    (COMMUNITY + "社区位于城南街道东部，面积1.2平方公里，常住人口5100人。", "5100人", "population_resident", None, "unit"),
    (COMMUNITY + "社区东与城南街道红旗社区相邻，辖区有党员88名。", "88名", "party_members", None, "unit"),
    # a level kept is no part of what is measured
    (COMMUNITY + "群众满意率稳定在96%以上。", "96%以上", "satisfaction_rate", None, "unit"),
    (VILLAGE + "调解成功率始终保持在98%以上。", "98%以上", "mediation_success_rate", None, "unit"),
    # the usual population is the whole unless its total was given before
    (COMMUNITY + "社区常住居民2310户6520人。", "2310户", "households_total", None, "unit"),
    (COMMUNITY + "社区总户数420户，常住人口户数395户。", "395户", "households_total", {"status": "常住"}, "unit"),
    # a stock as registered (登记) or as actually living there (实有) is the whole; 在册 links a status to its count
    (COMMUNITY + "年内辖区登记流动人口980人。", "980人", "population_floating", None, "unit"),
    (COMMUNITY + "辖区现有住户2210户、实有人口6450人。", "6450人", "population_total", None, "unit"),
    (COMMUNITY + "社区低保在册42户77人。", "42户", "low_income_households", None, "unit"),
    (COMMUNITY + "社区低保在册42户77人。", "77人", "low_income_persons", None, "unit"),
    # people helped into work, counted before the words that say so, are no audience
    (COMMUNITY + "举办招聘会3场，提供岗位210个，帮助38名居民实现就业。", "38名", "employed_persons", None, "unit"),
    # a figure in brackets (an earlier year's) does not stand between an act and its audience
    (COMMUNITY + "举办广场舞、合唱等文体活动18场（2019年12场），参与居民2600余人次。", "2600余人次", "participants", {"kind": "文体活动"}, "unit"),
    # 到场/出席 count those who came to one act
    (COMMUNITY + "社区举办迎新春联欢会，到场居民300余人。", "300余人", "participants", {"kind": "迎新春联欢会"}, "unit"),
    # the value a change starts from (由A增加到B) has no column; B is the measure now
    (COMMUNITY + "社区党委下设党支部3个，党员由128名增加到136名。", "128名", None, None, "unit"),
    (COMMUNITY + "社区党委下设党支部3个，党员由128名增加到136名。", "136名", "party_members", None, "unit"),
    (COMMUNITY + "活动室面积由150平方米扩大到260平方米。", "150平方米", None, None, "unit"),
    # volunteers of a named sort are a kind of the volunteers, not an unknown measure
    (COMMUNITY + "社区招募环保志愿者84名。", "84名", "volunteers", {"kind": "环保志愿者"}, "unit"),
    # the sorts of disputes listed before the noun name every sort handled: the whole count
    (COMMUNITY + "全年调处婚姻、物业等矛盾纠纷21起，调解成功20起。", "21起", "disputes_mediated", None, "unit"),
    (VILLAGE + "调解宅基地纠纷、山林纠纷共9起。", "9起", "disputes_mediated", None, "unit"),
    (COMMUNITY + "化解邻里等矛盾纠纷16起。", "16起", "disputes_mediated", None, "unit"),
    (COMMUNITY + "受理纠纷30起，其中邻里纠纷12起、物业纠纷8起。", "8起", "disputes_mediated", {"kind": "物业纠纷"}, "unit"),
    (COMMUNITY + "协助调解劳资纠纷6起。", "6起", "disputes_mediated", {"kind": "劳资纠纷"}, "unit"),
    # 户籍人口 is a status of the population: whole alone, a part after a total (总人口 or 常住人口)
    (COMMUNITY + "社区户籍人口4310人，常住人口5020人。", "4310人", "population_total", None, "unit"),
    (COMMUNITY + "社区总人口5020人，其中户籍人口4310人。", "4310人", "population_total", {"status": "户籍"}, "unit"),
    (COMMUNITY + "社区常住人口5020人，其中户籍人口4310人。", "4310人", "population_total", {"status": "户籍"}, "unit"),
    # a household count that runs on into its persons, after a count of something else
    (VILLAGE + "全村辖5个村民小组，共318户1120人。", "318户", "households_total", None, "unit"),
    (VILLAGE + "全村辖5个村民小组，共318户1120人。", "1120人", "population_total", None, "unit"),
    # a rate of acting on what was counted is the whole rate, not a kind of it
    (COMMUNITY + "全年受理居民诉求860件，办结率98.5%。", "98.5%", "problems_resolved_rate", None, "unit"),
    (COMMUNITY + "化解各类纠纷36起，调解成功35起，成功率97.2%。", "97.2%", "mediation_success_rate", None, "unit"),
    # names of the measure the table learned from the written reports
    (COMMUNITY + "辖区现有低保对象86户。", "86户", "low_income_households", None, "unit"),
    (COMMUNITY + "社区共有居民1480户4120人，流入人口630人。", "630人", "population_floating", None, "unit"),
    (COMMUNITY + "社区有登记志愿者210名。", "210名", "volunteers", None, "unit"),
    (COMMUNITY + "辖区城镇登记失业人员37人。", "37人", "unemployed_persons", None, "unit"),
    # when a rate was measured names no part of it
    (COMMUNITY + "二季度居民满意度测评为93.2%。", "93.2%", "satisfaction_rate", None, "unit"),
    # a total of what is paid, however the fund is named
    (COMMUNITY + "全年发放各类救助资金86万元。", "86万元", "funds_disbursed_yuan", None, "unit"),
    (COMMUNITY + "上半年发放救助金共计12.4万元。", "12.4万元", "funds_disbursed_yuan", None, "unit"),
    (COMMUNITY + "全年发放低保金52万元。", "52万元", "funds_disbursed_yuan", {"kind": "低保金"}, "unit"),
    # acts summed over the period are its whole count; a stock summed since long ago is a change
    (COMMUNITY + "全年累计走访住户860户次。", "860户次", "households_visited", None, "unit"),
    # the other basic total right after one
    (COMMUNITY + "辖区户籍人口5230人、1870户。", "1870户", "households_total", None, "unit"),
    (COMMUNITY + "汛期转移3个小区、2100余人。", "2100余人", None, None, "unit"),
    (VILLAGE + "全村辖6个村民小组，352户1260人。", "352户", "households_total", None, "unit"),
    (VILLAGE + "全村共有村民420户1530人。", "1530人", "population_total", None, "unit"),
    (COMMUNITY + "居民满意率提高到92%以上。", "92%以上", "satisfaction_rate", None, "unit"),
    (COMMUNITY + "参评居民满意率96.5%。", "96.5%", "satisfaction_rate", None, "unit"),
    # the value a change reaches counts what changed, named before its 由/从
    (COMMUNITY + "社区志愿者由年初的150人扩大到290人。", "290人", "volunteers", None, "unit"),
    (COMMUNITY + "社区志愿者由年初的150人扩大到290人。", "150人", None, None, "unit"),
    # all of them is the stock, whatever the verb (组织全体…党员)
    (COMMUNITY + "3月份组织全体96名党员到红色教育基地参观。", "96名", "party_members", None, "unit"),
    # the act that counted or set up the stock, fused with its noun, leaves it whole
    (COMMUNITY + "上半年党支部确定入党积极分子3名。", "3名", "party_applicants", None, "unit"),
    (VILLAGE + "结合村民小组分布，全村划分网格7个。", "7个", "grids", None, "unit"),
    (COMMUNITY + "配合派出所清查出租房屋128间。", "128间", "rental_houses", None, "unit"),
    # 为 after a verb of dividing is "into", no one acted for; before the people it is "for"
    (COMMUNITY + "社区将辖区细分为14个网格，每格配备网格员。", "14个", "grids", None, "unit"),
    (COMMUNITY + "社区为辖区居民85户更换了老化水表。", "85户", None, None, "unit"),
    # the members of the committees that run a village or community are its staff
    (VILLAGE + "村两委干部5人，其中大专以上学历3人。", "5人", "staff", None, "unit"),
    (COMMUNITY + "社区两委班子成员共8名。", "8名", "staff", None, "unit"),
    (COMMUNITY + "换届后，新一届居民委员会委员共7人，平均年龄39岁。", "7人", "staff", None, "unit"),
    (COMMUNITY + "支部现有党员31名，党员积极分子2名。", "2名", "party_applicants", None, "unit"),
    # the farmland is the planted area, not the unit's area (the gold reads 耕地面积 so, d014, d020)
    (VILLAGE + "全村辖区面积6.5平方公里，其中耕地面积3200亩。", "3200亩", "planting_area", None, "unit"),
    (VILLAGE + "全村辖区面积6.5平方公里，其中耕地面积3200亩。", "6.5平方公里", "area_total", None, "unit"),
    (VILLAGE + "上半年全村出生婴儿14人，死亡9人。", "14人", "births", None, "unit"),
    # the area of a thing the unit has is no area of the unit: a modifier the table does not know
    # makes another measure (area_total is closed); the unit's own area has its names
    (COMMUNITY + "新建的日间照料中心建筑面积360平方米，设床位12张。", "360平方米", None, None, "unit"),
    (COMMUNITY + "社区党群服务中心办公用房面积为280平方米。", "280平方米", None, None, "unit"),
    (VILLAGE + "柳林村位于镇区东部，村域面积8.4平方公里，辖6个村民小组。", "8.4平方公里", "area_total", None, "unit"),
    (COMMUNITY + "社区总面积0.9平方公里，有居民小区6个。", "0.9平方公里", "area_total", None, "unit"),
    # meals served to the elderly are counted as meals, whatever 服务 follows; 代办 counts services done
    (COMMUNITY + "老年食堂全年提供助餐服务7300余人次。", "7300余人次", "elderly_meals", None, "unit"),
    (COMMUNITY + "便民服务站全年为居民代办各类事项930件。", "930件", "services_provided", None, "unit"),
    # a verb that is no such act still makes another measure of a closed one
    (COMMUNITY + "社区表彰优秀网格员6名。", "6名", None, None, "unit"),
]


def _fact(document: str, figure: str):
    result = nlp.parse_text(document)
    found = [f for f in result.facts if f.text == figure]
    assert found, f"{figure!r} not found among {[f.text for f in result.facts]}"
    return found[0]


@pytest.mark.parametrize(("document", "figure", "indicator", "breakdown", "scope"), CASES)
def test_resolution(document, figure, indicator, breakdown, scope):
    fact = _fact(document, figure)
    assert (fact.indicator, fact.breakdown, fact.scope.value) == (indicator, breakdown, scope)


def test_comparable_only_whole_own_figures():
    result = nlp.parse_text(COMMUNITY + "社区现有党员73名，其中女党员16名。全市共有党员5万名。")
    assert [f.text for f in result.facts if f.comparable] == ["73名"]


def test_parse_json_carries_breakdown_and_scope():
    record = nlp.parse_text(COMMUNITY + "社区现有党员73名，其中女党员16名。").to_dict()
    assert [(f["breakdown"], f["scope"]) for f in record["facts"]] == [(None, "unit"), ({"sex": "女"}, "unit")]


@pytest.mark.parametrize(
    ("modifier", "parts", "unknown"),
    [("女", {"sex": "女"}, ""), ("60岁以上", {"age": "60岁以上"}, ""), ("城市", {"area": "城市"}, ""),
     ("全体", {}, ""), ("一、二级", {"kind": "一、二级"}, ""), ("贫困", {}, "贫困")],
)
def test_read_modifier(modifier, parts, unknown):
    assert read_modifier(modifier) == (parts, unknown)


def test_markers_before_reads_only_the_words_next_to_the_noun():
    assert markers_before("全年城市") == {"area": "城市"}
    assert markers_before("开展") == {}


@pytest.mark.parametrize(
    ("noun", "unit", "indicator"),
    [("党员", "名", "party_members"), ("低保户", "人", "low_income_persons"), ("群众满意率", "%", "satisfaction_rate"),
     ("森林覆盖率", "%", None), ("出租车司机", "人", None), ("流动人口", "人", "population_floating")],
)
def test_resolve_noun(noun, unit, indicator):
    found, _, _ = resolve_noun(noun, unit)
    assert (found.id if found else None) == indicator


@pytest.mark.parametrize(
    ("before", "level", "scope"),
    [("全区共有", "community", "wider"), ("全区共有", "county", "unit"), ("全镇共有", "township", "unit"),
     ("第三网格有", "community", "part"), ("街道共有", "community", "wider"), ("本社区", "community", "unit")],
)
def test_scope_of(before, level, scope):
    assert scope_of(before, level).value == scope


def test_resource_files_fail_with_file_and_line(tmp_path, monkeypatch):
    from nlp.errors import ResourceError
    from nlp.figures import breakdown
    from nlp.resources import load_csv

    (tmp_path / "breakdowns.csv").write_text("dimension,marker,example\ncolour,红,红色党员3名\n", encoding="utf-8")
    monkeypatch.setenv("ZONGJIE_RESOURCES", str(tmp_path))
    load_csv.cache_clear()
    breakdown._vocab.cache_clear()
    try:
        with pytest.raises(ResourceError, match="breakdowns.csv:2"):
            breakdown._vocab()
    finally:
        monkeypatch.delenv("ZONGJIE_RESOURCES")
        load_csv.cache_clear()
        breakdown._vocab.cache_clear()

"""Planned or done: a contrast set of invented community-report passages (tenth session).

Each construction in at least three wordings (other nouns, verbs, count words, sentence shapes),
its expectations fixed from SPEC (planned: true for targets and plans, false for what was done or
exists) and GUIDELINES (plan parts; starting values; 预计) and committed before the pipeline was
run on them. Read by the whole pipeline; each case names the figures (as written) and whether
each is planned. Every sentence is invented; none is taken from a corpus document.

The constructions: a plan word in a heading against the same word in a sentence of a done
section; done, ongoing and planned figures in one sentence; a plan section that reports done
figures; problems sections; targets with 目标 and 达到; plan documents.
"""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

SUMMARY = "东湖社区2023年工作总结\n一、主要工作\n全年共开展各类活动36场次，参与居民1500余人次。\n"
PLAN_DOC = "东湖社区2024年工作计划\n"

# (id, text, {figure as written: planned})
CASES = [
    # --- a plan word in a heading: everything below is planned
    ("heading 下一步工作打算", SUMMARY + "二、下一步工作打算\n1.新建居民议事亭2处。\n2.组织楼栋长培训3期。\n",
     {"36场次": False, "2处": True, "3期": True}),
    ("heading 明年工作思路", SUMMARY + "二、明年工作思路\n继续办好四点半课堂，全年开课80节。\n", {"80节": True}),
    ("heading 来年工作设想", SUMMARY + "二、来年工作设想\n在主干道增设便民座椅20张。\n", {"20张": True}),
    ("heading 下阶段工作重点", SUMMARY + "二、下阶段工作重点\n改造背街小巷4条，硬化路面1200平方米。\n",
     {"4条": True, "1200平方米": True}),
    ("heading 今后努力方向", SUMMARY + "二、今后努力方向\n发展青年志愿者50名。\n", {"50名": True}),
    ("heading 努力方向 alone", SUMMARY + "二、努力方向\n推动辖区3家单位与社区结对共建。\n", {"3家": True}),
    ("heading 下一阶段工作举措", SUMMARY + "二、下一阶段工作举措\n新增治安监控探头30个。\n", {"30个": True}),
    ("heading 2024年工作谋划", SUMMARY + "二、2024年工作谋划\n打造口袋公园2个。\n", {"2个": True}),
    ("heading 来年打算", SUMMARY + "二、来年打算\n为独居老人安装烟感报警器60台。\n", {"60台": True}),
    # --- the same plan words in a sentence of a done section
    ("sentence 下一步", SUMMARY + "下一步，社区将招募志愿者30名。\n", {"30名": True}),
    ("sentence 明年计划", SUMMARY + "明年计划再改造楼院3个。\n", {"3个": True}),
    ("sentence 力争", SUMMARY + "力争年内新增就业岗位40个。\n", {"40个": True}),
    ("sentence 争取明年", SUMMARY + "争取明年建成智慧停车场1处。\n", {"1处": True}),
    ("sentence 拟 + 发展", SUMMARY + "拟发展入党积极分子2名。\n", {"2名": True}),
    ("sentence 拟 + 招募", SUMMARY + "社区拟招募巾帼志愿者20名，组建服务队1支。\n", {"20名": True, "1支": True}),
    ("sentence 拟 + 安排", SUMMARY + "拟安排专项资金5万元用于楼道亮化。\n", {"5万元": True}),
    ("sentence subject + 将 + 招募", SUMMARY + "社区将招募专职网格员4名。\n", {"4名": True}),
    ("sentence 还将为", SUMMARY + "我们还将为辖区老人免费体检200人次。\n", {"200人次": True}),
    ("sentence 将每月", SUMMARY + "居委会将每月组织义诊1次。\n", {"1次": True}),
    ("sentence 到 + a later year", SUMMARY + "到2025年，辖区垃圾分类覆盖率达到100%。\n", {"100%": True}),
    ("sentence 年底前 + 计划", SUMMARY + "剩余楼栋计划于年底前完成加装电梯6部。\n", {"6部": True}),
    # --- the same words that plan nothing
    ("拟定 drafted", SUMMARY + "拟定社区应急预案3套。\n", {"3套": False}),
    ("拟定的 drafted", SUMMARY + "组织居民代表讨论拟定的公约草案，提出修改意见12条。\n", {"12条": False}),
    ("将 + object + verb (put into)", SUMMARY + "将矛盾纠纷化解在萌芽状态，全年调解纠纷15起。\n", {"15起": False}),
    ("将 + object + 相结合", SUMMARY + "我们将党建工作与网格管理相结合，划分网格8个。\n", {"8个": False}),
    ("计划 a noun before 的", SUMMARY + "完成年度计划的105%。\n", {"105%": False}),
    ("计划 a noun before a comma", SUMMARY + "按照年初计划，完成楼道改造12个。\n", {"12个": False}),
    ("计划 a programme", SUMMARY + "实施幸福家园三年行动计划，新建健身点3处。\n", {"3处": False}),
    ("下半年 a time of done work", SUMMARY + "下半年共开展文艺演出5场。\n", {"5场": False}),
    # --- done, ongoing and planned in one sentence
    ("mixed 已完成/正在/计划", SUMMARY + "目前已完成改造小区3个，正在施工2个，计划明年再改造4个。\n",
     {"3个": False, "2个": False, "4个": True}),
    ("mixed 已建成/在建/拟于", SUMMARY + "已建成充电桩12个，在建6个，拟于明年新建10个。\n",
     {"12个": False, "6个": False, "10个": True}),
    ("mixed 已发展/现有/计划", SUMMARY + "今年已发展党员2名，现有入党积极分子5名，计划明年再发展1名。\n",
     {"2名": False, "5名": False, "1名": True}),
    ("plan first, then what is done", SUMMARY + "计划改造楼院8个，目前已完成5个，剩余3个正在施工。\n",
     {"8个": True, "5个": False, "3个": False}),
    ("计划 then 实际", SUMMARY + "全年计划培训120人次，实际培训136人次。\n", {"120人次": True, "136人次": False}),
    ("计划 then 已建成", SUMMARY + "年初计划新建书屋2处，已建成1处。\n", {"2处": True, "1处": False}),
    # --- a plan section that reports done figures
    ("plan section, 已走访 then 计划", SUMMARY + "二、下一步工作打算\n今年社区已走访困难户120户，下一步将继续做好帮扶，计划结对帮扶20户。\n",
     {"120户": False, "20户": True}),
    ("plan section, 目前已建成", SUMMARY + "二、明年工作计划\n目前，社区已建成日间照料中心1处，明年计划再增设助餐点2个。\n",
     {"1处": False, "2个": True}),
    ("plan section, 截至目前已累计", SUMMARY + "二、下步打算\n截至目前，已累计发放慰问金3万元。明年拟继续开展慰问活动4次。\n",
     {"3万元": False, "4次": True}),
    ("plan section, a sentence of the past year", SUMMARY + "二、2024年工作计划\n2023年社区共调解纠纷26起。2024年将开展普法讲座6场。\n",
     {"26起": False, "6场": True}),
    ("plan section, 过去一年", SUMMARY + "二、下一步工作计划\n过去一年，社区开展文体活动32场。下一步将组建舞蹈队1支。\n",
     {"32场": False, "1支": True}),
    # --- problems sections
    ("存在的问题", SUMMARY + "二、存在的问题\n社区活动场地仅有200平方米，难以满足需求。\n", {"200平方米": False}),
    ("困难和不足", SUMMARY + "二、困难和不足\n专职社工只有5名，服务居民8000余人。\n", {"5名": False, "8000余人": False}),
    ("不足之处", SUMMARY + "二、不足之处\n居民参与率不到40%。\n", {"不到40%": False}),
    ("存在问题及下步打算 with sub-sections", SUMMARY + "二、存在问题及下步打算\n（一）存在问题\n停车位缺口约150个。\n（二）下步打算\n新建停车位60个。\n",
     {"约150个": False, "60个": True}),
    ("问题与打算, problems then 下一步", SUMMARY + "二、问题与打算\n一是有3个老旧小区没有物业；二是停车难。下一步，社区将引进物业公司1家。\n",
     {"3个": False, "1家": True}),
    # --- targets with 目标 and 达到
    ("目标任务是 then 实际", SUMMARY + "年初确定的目标任务是新增就业50人，实际新增62人。\n", {"50人": True, "62人": False}),
    ("达到, over …的目标", SUMMARY + "参保率达到98%，超过了95%的目标。\n", {"98%": False, "95%": True}),
    ("目标为 then 已发展", SUMMARY + "全年目标为发展志愿者100名，已发展118名。\n", {"100名": True, "118名": False}),
    ("达到 alone is done", SUMMARY + "居民满意率达到96%。\n", {"96%": False}),
    ("目标是 … 达到", SUMMARY + "下一步目标是居民满意率达到98%以上。\n", {"98%以上": True}),
    ("完成年度目标任务的N%", SUMMARY + "完成年度目标任务的112%。\n", {"112%": False}),
    ("力争 … 达到", SUMMARY + "力争垃圾分类准确率达到90%。\n", {"90%": True}),
    ("由…提高到 in a summary", SUMMARY + "垃圾分类准确率由70%提高到85%。\n", {"70%": False, "85%": False}),
    # --- plan documents
    ("plan document", PLAN_DOC + "一、党建工作\n发展党员2名，开展主题党日活动12次。\n", {"2名": True, "12次": True}),
    ("plan document, 现有 then 计划", PLAN_DOC + "一、基本情况\n社区现有党员86名，计划发展党员2名。\n", {"86名": False, "2名": True}),
    ("plan document, the past year then the plan's", PLAN_DOC + "2023年，社区开展活动40场。2024年，社区将开展活动50场。\n",
     {"40场": False, "50场": True}),
    ("plan document, 目前已建成", PLAN_DOC + "一、平安建设\n目前已建成微型消防站2个，今年再建1个。\n", {"2个": False, "1个": True}),
]

# A second batch, written after the first batch's fixes, in other wordings, its expectations fixed and
# committed before the pipeline was run on it: the held-out figure of the contrast set.
SUMMARY_B = "西园村2023年工作总结\n一、基本情况\n全村共有农户420户，党员38名。\n"
HELD_OUT = [
    ("heading 工作展望", SUMMARY_B + "二、2024年工作展望\n硬化通组道路3.5公里。\n", {"3.5公里": True}),
    ("heading 未来工作方向", SUMMARY_B + "二、未来工作方向\n扶持种养大户6户。\n", {"6户": True}),
    ("heading 下步措施", SUMMARY_B + "二、下步措施\n1.修建灌溉水渠800米。\n", {"800米": True}),
    ("heading 今后的打算", SUMMARY_B + "二、今后的打算\n争取村集体经济收入突破20万元。\n", {"突破20万元": True}),
    ("sentence 新的一年", SUMMARY_B + "新的一年，村两委将着力培育电商带头人5名。\n", {"5名": True}),
    ("sentence 下一年度拟", SUMMARY_B + "下一年度拟新增光伏发电站1座。\n", {"1座": True}),
    ("sentence 预计明年", SUMMARY_B + "预计明年村民人均收入增加800元。\n", {"800元": True}),
    ("sentence 我们将积极", SUMMARY_B + "我们将积极申报美丽乡村示范点1个。\n", {"1个": True}),
    ("sentence 工作目标：", SUMMARY_B + "工作目标：全年新增就业岗位50个。\n", {"50个": True}),
    ("sentence 年度任务是 then 实际", SUMMARY_B + "年度任务是改造旱厕200户，实际改造216户。\n", {"200户": True, "216户": False}),
    ("拟定 a done draft", SUMMARY_B + "村委会拟定村规民约修订草案1份。\n", {"1份": False}),
    ("将 + object (ba)", SUMMARY_B + "将环境整治纳入网格考核，清理垃圾死角46处。\n", {"46处": False}),
    ("mixed 已安装/正在/计划", SUMMARY_B + "已安装路灯80盏，另有15盏正在安装，其余30盏计划年底前完工。\n",
     {"80盏": False, "15盏": False}),
    pytest.param(
        "subject count before 计划", SUMMARY_B + "已安装路灯80盏，另有15盏正在安装，其余30盏计划年底前完工。\n", {"30盏": True},
        marks=pytest.mark.xfail(strict=True, reason=(
            "expected planned when written; the pipeline's rule marker_before (nlp.figures.facts.plan_window) "
            "reads a count before the marker as the clause's subject, which exists (25个重点项目预计完成投资…): "
            "a call to settle in GUIDELINES, not a bug to patch")),
    ),
    ("mixed 去年/今年/明年计划", SUMMARY_B + "去年发展党员1名，今年发展2名，明年计划发展3名。\n",
     {"1名": False, "2名": False, "3名": True}),
    ("已 then 还将", SUMMARY_B + "已培训种植户40人，还将培训60人。\n", {"40人": False, "60人": True}),
    ("plan section, 一年来", SUMMARY_B + "二、明年工作打算\n一年来，村里累计接待游客1.2万人次。明年将新建民宿4家。\n",
     {"1.2万人次": False, "4家": True}),
    ("plan section, 截止…已完成", SUMMARY_B + "二、下步打算\n截止11月底，已完成危房改造12户。明年计划再改造8户。\n",
     {"12户": False, "8户": True}),
    ("plan section, 目前已有", SUMMARY_B + "二、2024年工作计划\n目前全村已有合作社3家，计划再组建1家。\n",
     {"3家": False, "1家": True}),
    ("problems section", SUMMARY_B + "二、存在的困难\n村集体经济薄弱，年收入不足5万元。\n", {"不足5万元": False}),
    ("problems then plans", SUMMARY_B + "二、存在问题及明年打算\n一是灌溉设施老化，有2处水渠损毁；二是劳动力外流。明年将修复水渠2处，新建蓄水池1座。\n",
     {"1座": True}),
    ("达到 done, 力争 target", SUMMARY_B + "合作医疗参合率达到99%，明年力争达到100%。\n", {"99%": False, "100%": True}),
    ("plan document, 现有 then 拟", "西园村2024年工作计划\n一、基本情况\n村里现有耕地1800亩，拟流转土地300亩。\n",
     {"1800亩": False, "300亩": True}),
    ("plan document, 过去一年 then 今年", "西园村2024年工作计划\n过去一年，村里新修道路2公里。今年再修3公里。\n",
     {"2公里": False, "3公里": True}),
]

# A third batch, written after the second batch's fixes (held out the same way): half-year reports, a
# year ahead named in a sentence, shares done against a plan, plan documents' statements of what stands.
SUMMARY_C = "幸福里社区2023年度工作总结\n一、工作开展情况\n全年办理各类证明460件。\n"
HALF_YEAR = "幸福里社区2023年上半年工作总结\n一、上半年工作\n上半年走访居民1200户。\n"
PLAN_C = "幸福里社区2024年工作计划\n"
HELD_OUT_C = [
    ("half year: 下半年，社区将", HALF_YEAR + "下半年，社区将组织开展防汛演练2次。\n", {"1200户": False, "2次": True}),
    ("half year: 下半年工作安排", HALF_YEAR + "二、下半年工作安排\n更新宣传栏6块。\n", {"6块": True}),
    ("next year named, 将重点", SUMMARY_C + "2024年，社区将重点推进加装电梯8部。\n", {"8部": True}),
    ("next year named, 拟投入", SUMMARY_C + "2024年社区拟投入资金10万元改造活动中心。\n", {"10万元": True}),
    ("预计 after 正在筹备", SUMMARY_C + "目前正在筹备第二届邻里文化节，预计参与居民500人。\n", {"500人": True}),
    ("有望", SUMMARY_C + "社区食堂有望年底前建成，可容纳就餐老人60人。\n", {"60人": True}),
    ("今年以来已累计", SUMMARY_C + "今年以来，已累计办理居住证320张。\n", {"320张": False}),
    ("计划 then 目前已 then a rate", SUMMARY_C + "全年计划走访120户，目前已走访98户，完成率81.7%。\n",
     {"120户": True, "98户": False, "81.7%": False}),
    ("plan section: the year reviewed, then the next", SUMMARY_C + "二、2024年工作思路\n2023年，社区共接待来访群众860人次，办结率100%。2024年，社区将开设法律课堂12期。\n",
     {"860人次": False, "100%": False, "12期": True}),
    ("plan section: 已发展到", SUMMARY_C + "二、下一步打算\n经过一年的努力，社区志愿者队伍已发展到260人。下一步将再发展40人。\n",
     {"260人": False, "40人": True}),
    ("problems: 存在的不足", SUMMARY_C + "二、存在的不足\n社区工作者仅9人，人均服务居民900余人。\n", {"9人": False, "900余人": False}),
    ("下达的目标为 then 实际完成", SUMMARY_C + "街道下达的目标为新增就业岗位80个，社区实际完成95个，完成率118.8%。\n",
     {"80个": True, "95个": False, "118.8%": False}),
    ("力争明年 … 下降", SUMMARY_C + "力争明年辖区刑事案件下降10%。\n", {"10%": True}),
    ("达到 … 比去年提高", SUMMARY_C + "居民满意度测评达到97.5%，比去年提高2个百分点。\n", {"97.5%": False, "2个百分点": False}),
    ("plan document: 工作目标 section", PLAN_C + "一、工作目标\n居民满意率达到95%以上。\n二、具体措施\n全年召开党员大会4次。\n",
     {"95%以上": True, "4次": True}),
    ("plan document: 截至…共有", PLAN_C + "一、基本情况\n截至2023年底，社区共有党员132名。\n二、主要任务\n发展党员3名。\n",
     {"132名": False, "3名": True}),
    ("plan document: a paragraph of the year before", PLAN_C + "2023年，社区获评市级文明社区，开展志愿服务活动120场。\n一、主要任务\n开展志愿服务活动150场。\n",
     {"120场": False, "150场": True}),
]

# Activities take their planned from the same rules (a plan section, the markers of the clause window,
# the stretches that state facts): (id, text, {a word of the activity's name: planned}). Written with
# the third batch, expectations committed before running.
ACTIVITIES = [
    ("activity after 下一步，…将", SUMMARY + "下一步，社区将举办重阳节敬老宴。\n", {"敬老宴": True}),
    ("activity after 拟", SUMMARY + "拟组织党员开展红色观影活动。\n", {"观影": True}),
    ("activity done, 组织开展了", SUMMARY + "组织开展了邻里节活动。\n", {"邻里节": False}),
    ("plan section: 今年已开展 then 明年将开展", SUMMARY + "二、明年工作计划\n今年已开展垃圾分类宣传活动，明年将开展消防安全培训。\n",
     {"垃圾分类宣传": False, "消防安全培训": True}),
    ("plan section: 过去一年 then 下一步", SUMMARY + "二、下步打算\n过去一年，社区举办了广场舞大赛。下一步将举办太极拳比赛。\n",
     {"广场舞大赛": False, "太极拳比赛": True}),
]

# A fourth batch (held out the same way): a plan announced by a paragraph, not a heading, whose
# items follow on lines of their own or after a colon.
PARAGRAPH_PLANS = [
    ("lead 打算如下： then numbered lines", SUMMARY + "下一步工作打算如下：\n1.新建停车位40个。\n2.举办邻里节活动2场。\n",
     {"40个": True, "2场": True}),
    ("lead 将重点做好以下几项工作： then （一） lines", SUMMARY + "明年，我们将重点做好以下几项工作：\n（一）改造老旧管网1.5公里。\n（二）新增公益岗位10个。\n",
     {"1.5公里": True, "10个": True}),
    ("lead 工作设想： then 一是…；二是…", SUMMARY + "2024年工作设想：一是建设健身步道1条；二是组建老年合唱团1支。\n",
     {"1条": True, "1支": True}),
    ("heading run into its items", SUMMARY + "二、下一步工作打算：新建停车位40个，举办活动6场。\n", {"40个": True, "6场": True}),
]

# A fifth batch (held out the same way): a plan word that names the purpose of done work, traditional
# script, a quota reached.
PURPOSES = [
    ("为下一步…打下基础, done", SUMMARY + "为下一步工作打下基础，共培训楼栋骨干30人。\n", {"30人": False}),
    ("为明年…奠定基础, done", SUMMARY + "摸排空置房屋140套，为明年招租工作奠定了基础。\n", {"140套": False}),
    ("为今后…积累经验, done", SUMMARY + "为今后开展志愿服务积累经验，组织试点活动4次。\n", {"4次": False}),
    ("traditional 將 + 招募", "東湖社區2023年工作總結\n一、主要工作\n全年開展活動36場次。\n下一步，社區將招募志願者30名。\n",
     {"36場次": False, "30名": True}),
    ("traditional 擬", "東湖社區2023年工作總結\n一、主要工作\n全年開展活動36場次。\n擬發展黨員2名。\n", {"2名": True}),
    ("实现了…的目标", SUMMARY + "实现了年初制定的发展党员3名的目标。\n", {"3名": True}),
    ("下半年 + 了, done", SUMMARY + "下半年又新建了健身广场2处。\n", {"2处": False}),
]

# Plan parts the outline's headings miss, found by probing heading shapes after batch 5 (written with
# the fix, not held out): a bare plan title line over numbered items, a heading naming the year after
# the one the title reviews.
BARE_TITLES = [
    ("bare title line, numbered items", SUMMARY + "下一步工作打算\n1.新建停车位40个。\n2.开展义诊6次。\n",
     {"40个": True, "6次": True}),
    ("bracketed bare title, numbered items", SUMMARY + "【明年打算】\n1.增设路灯25盏。\n2.新建书屋1处。\n",
     {"25盏": True, "1处": True}),
    ("bare title naming the year ahead", SUMMARY + "2024年工作打算\n1.组建巡逻队2支。\n", {"2支": True}),
    ("heading naming the year after the title's", SUMMARY + "二、2024年重点工作\n改造雨污管网800米。\n", {"800米": True}),
    ("heading naming the year after the title's, bare", SUMMARY + "二、2024年工作\n培训网格员45人次。\n", {"45人次": True}),
    ("a bare line that plans nothing", SUMMARY + "全年工作亮点\n1.调解纠纷18起。\n", {"18起": False}),
    # was a strict xfail until planyear10's rule bare plan title (nlp/text/plan_parts.py)
    ("bare title line, unnumbered items", SUMMARY + "下一步工作打算\n新建停车位40个。\n", {"40个": True}),
]


def _activities_planned(text: str, words: dict[str, bool]) -> dict[str, bool | None]:
    activities = parse_text(text, disable=("checks",)).activities
    return {w: next((a.planned for a in activities if w in a.name), None) for w in words}


@pytest.mark.parametrize(("case", "text", "expected"), ACTIVITIES, ids=[c[0] for c in ACTIVITIES])
def test_activity_planned_contrast(case: str, text: str, expected: dict[str, bool]) -> None:
    assert _activities_planned(text, expected) == expected, case


def _planned(text: str) -> dict[str, bool | None]:
    facts = parse_text(text, disable=("activities", "checks")).facts
    out: dict[str, bool | None] = {}
    return out | {f.text: f.planned for f in facts}


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_planned_contrast(case: str, text: str, expected: dict[str, bool]) -> None:
    found = _planned(text)
    got = {figure: found.get(figure) for figure in expected}
    assert got == expected, case


@pytest.mark.parametrize(("case", "text", "expected"), HELD_OUT, ids=[c.values[0] if hasattr(c, "values") else c[0] for c in HELD_OUT])
def test_planned_contrast_held_out(case: str, text: str, expected: dict[str, bool]) -> None:
    found = _planned(text)
    got = {figure: found.get(figure) for figure in expected}
    assert got == expected, case


@pytest.mark.parametrize(("case", "text", "expected"), HELD_OUT_C, ids=[c[0] for c in HELD_OUT_C])
def test_planned_contrast_third_batch(case: str, text: str, expected: dict[str, bool]) -> None:
    found = _planned(text)
    got = {figure: found.get(figure) for figure in expected}
    assert got == expected, case


@pytest.mark.parametrize(("case", "text", "expected"), PARAGRAPH_PLANS, ids=[c[0] for c in PARAGRAPH_PLANS])
def test_planned_contrast_paragraph_plans(case: str, text: str, expected: dict[str, bool]) -> None:
    found = _planned(text)
    assert {figure: found.get(figure) for figure in expected} == expected, case


@pytest.mark.parametrize(("case", "text", "expected"), PURPOSES, ids=[c[0] for c in PURPOSES])
def test_planned_contrast_purposes(case: str, text: str, expected: dict[str, bool]) -> None:
    found = _planned(text)
    assert {figure: found.get(figure) for figure in expected} == expected, case


@pytest.mark.parametrize(("case", "text", "expected"), BARE_TITLES,
                         ids=[c.values[0] if hasattr(c, "values") else c[0] for c in BARE_TITLES])
def test_planned_contrast_bare_titles(case: str, text: str, expected: dict[str, bool]) -> None:
    found = _planned(text)
    assert {figure: found.get(figure) for figure in expected} == expected, case


# A sixth batch (planyear10, held out the same way: expectations fixed from SPEC/GUIDELINES and
# committed before the pipeline was run on it). (a) A clause led by a year later than the one the
# report is about (2024年… in a summary on 2023), or by 明年/下一年度, with no plan word, states a plan;
# not when the report is itself about that year, nor when the clause states a result (已, 完成了).
# (b) Plan parts whose heading the outline misses: 第N部分 titles, a numbered plan heading whose label
# breaks the series (一、 … 2、明年工作计划), unnumbered items under a bare plan title line.
SUMMARY_D = "南塘社区2023年工作总结\n一、主要工作\n全年组织各类文体活动28场。\n"
SUMMARY_D_2024 = "南塘社区2024年工作总结\n一、主要工作\n全年组织各类文体活动28场。\n"
YEAR_AHEAD = [
    ("later year leads, verb at once", SUMMARY_D + "2024年新建口袋公园3个。\n", {"28场": False, "3个": True}),
    ("later year + comma, subject, verb", SUMMARY_D + "2024年，社区为独居老人安装智能水表80户。\n", {"80户": True}),
    ("later year leads a list of figures", SUMMARY_D + "2024年社区增设垃圾分类投放点15处，更新健身器材20件。\n",
     {"15处": True, "20件": True}),
    ("明年 leads", SUMMARY_D + "明年改造老旧楼道照明40处。\n", {"40处": True}),
    ("明年， + subject", SUMMARY_D + "明年，辖区内再建设电动车充电桩12个。\n", {"12个": True}),
    ("下一年度 leads", SUMMARY_D + "下一年度，居委会组织消防演练4次。\n", {"4次": True}),
    ("later year leads the second clause", SUMMARY_D + "今年新增停车位30个，2024年再增加50个。\n", {"30个": False, "50个": True}),
    ("the report is about that year", SUMMARY_D_2024 + "2024年新建口袋公园3个。\n", {"3个": False}),
    ("the report is about that year, comma", SUMMARY_D_2024 + "2024年，社区为独居老人安装智能水表80户。\n", {"80户": False}),
    ("half-year report about that year", "南塘社区2024年上半年工作总结\n一、上半年工作\n2024年上半年组织消防演练2次。\n",
     {"2次": False}),
    ("later year, a result: 已", SUMMARY_D + "2024年1月已完成楼道照明改造40处。\n", {"40处": False}),
    ("later year, a result: 完成了", SUMMARY_D + "2024年初，社区完成了智能门禁安装6套。\n", {"6套": False}),
    ("later year, a result: 已发放", SUMMARY_D + "2024年元旦前，已向困难家庭发放慰问品300份。\n", {"300份": False}),
    ("an earlier year leads", SUMMARY_D + "2022年新建口袋公园2个。\n", {"2个": False}),
]
PLAN_PARTS = [
    ("第二部分 下一步打算", "南塘社区2023年工作总结\n第一部分 主要工作\n全年组织各类文体活动28场。\n第二部分 下一步打算\n新建停车位40个。\n",
     {"28场": False, "40个": True}),
    ("第三部分 明年工作设想", "南塘社区2023年工作总结\n第一部分 工作回顾\n全年调解纠纷17起。\n第二部分 存在的问题\n活动场地仅有150平方米。\n"
     "第三部分 明年工作设想\n增设路灯25盏，组织义诊6次。\n", {"17起": False, "150平方米": False, "25盏": True, "6次": True}),
    ("第二部分　2024年工作计划, numbered", "南塘社区2023年工作总结\n第一部分　工作开展情况\n全年走访居民1100户。\n"
     "第二部分　2024年工作计划\n1.组建巡逻队2支。\n2.开设四点半课堂1个。\n", {"1100户": False, "2支": True, "1个": True}),
    ("一、 then 2、明年工作计划", SUMMARY_D + "2、明年工作计划\n新建书屋1处。\n", {"28场": False, "1处": True}),
    ("一、 then 2．下步打算", SUMMARY_D + "2．下步打算\n增设便民座椅20张。\n", {"20张": True}),
    ("一、 then 2、2024年工作思路, items", SUMMARY_D + "2、2024年工作思路\n（1）改造雨污管网800米。\n（2）培训网格员45人次。\n",
     {"800米": True, "45人次": True}),
    ("bare title, unnumbered items", SUMMARY_D + "明年打算\n为独居老人安装烟感报警器60台。\n组织义诊活动6次。\n",
     {"60台": True, "6次": True}),
    ("bare title with the year, unnumbered", SUMMARY_D + "2024年工作设想\n改造雨污管网800米。\n", {"800米": True}),
    ("bare title 下步工作计划, unnumbered", SUMMARY_D + "下步工作计划\n增设垃圾分类亭10个，招募志愿者30名。\n",
     {"10个": True, "30名": True}),
    ("bare line that plans nothing, unnumbered", SUMMARY_D + "全年工作亮点\n调解纠纷18起。\n", {"18起": False}),
    ("bare plan title then a problems heading", SUMMARY_D + "下一步打算\n新建停车位40个。\n二、存在的问题\n停车位缺口约150个。\n",
     {"40个": True, "约150个": False}),
]


@pytest.mark.parametrize(("case", "text", "expected"), YEAR_AHEAD,
                         ids=[c.values[0] if hasattr(c, "values") else c[0] for c in YEAR_AHEAD])
def test_planned_contrast_year_ahead(case: str, text: str, expected: dict[str, bool]) -> None:
    found = _planned(text)
    assert {figure: found.get(figure) for figure in expected} == expected, case


@pytest.mark.parametrize(("case", "text", "expected"), PLAN_PARTS,
                         ids=[c.values[0] if hasattr(c, "values") else c[0] for c in PLAN_PARTS])
def test_planned_contrast_missed_plan_parts(case: str, text: str, expected: dict[str, bool]) -> None:
    found = _planned(text)
    assert {figure: found.get(figure) for figure in expected} == expected, case


# A seventh batch (planyear10, written after the sixth batch's fixes, expectations committed before
# running: the held-out figure of rules year_ahead and bare plan title).
SUMMARY_E = "北坡村2023年工作总结\n一、工作开展情况\n全年接待来访群众210人次。\n"
HELD_OUT_E = [
    ("年度 after the later year", SUMMARY_E + "2024年度新增网格员15名。\n", {"15名": True}),
    ("later year, village subject", SUMMARY_E + "2024年村里硬化通组道路2公里，修建水渠500米。\n", {"2公里": True, "500米": True}),
    ("numbered item led by a later year", SUMMARY_E + "1.2024年新建村级光伏电站1座。\n", {"1座": True}),
    ("下年度 leads", SUMMARY_E + "下年度，村委会培训种养能手40人。\n", {"40人": True}),
    ("later year + 起", SUMMARY_E + "2024年起，每月为高龄老人发放补贴100元。\n", {"100元": True}),
    ("later year, result: 已为", SUMMARY_E + "2024年元月，已为高龄老人发放补贴30人。\n", {"30人": False}),
    ("later year, result: 共接待", SUMMARY_E + "2024年1月共接待来访群众46人次。\n", {"46人次": False}),
    ("a village report on that year", "北坡村2024年工作总结\n一、工作开展情况\n2024年村里硬化通组道路2公里。\n", {"2公里": False}),
    ("bare title 今后工作打算", SUMMARY_E + "今后工作打算\n组织法律讲座4场。\n", {"210人次": False, "4场": True}),
    ("bare title in 【】 over unnumbered lines", SUMMARY_E + "【下一步工作思路】\n走访困难家庭50户。\n", {"50户": True}),
    ("第二部分 今后工作计划", "北坡村2023年工作总结\n第一部分 工作开展情况\n全年接待来访群众210人次。\n第二部分 今后工作计划\n新修机耕道3公里。\n",
     {"210人次": False, "3公里": True}),
    ("a bare line reviewing a plan", SUMMARY_E + "工作计划执行情况\n完成危房改造12户。\n", {"12户": False}),
    ("a bare line naming this year's work", SUMMARY_E + "今年重点工作\n修建文化广场1处。\n", {"1处": False}),
]


@pytest.mark.parametrize(("case", "text", "expected"), HELD_OUT_E,
                         ids=[c.values[0] if hasattr(c, "values") else c[0] for c in HELD_OUT_E])
def test_planned_contrast_seventh_batch(case: str, text: str, expected: dict[str, bool]) -> None:
    found = _planned(text)
    assert {figure: found.get(figure) for figure in expected} == expected, case

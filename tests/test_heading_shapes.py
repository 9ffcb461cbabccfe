"""Heading shapes real archives carry, on invented documents (issue 12, generalization check).

Each case is a document written in the genre's style and the outline it should give as
``(level, label, heading)``: run-on headings in every numbering style, headings glued to their
paragraph by a PDF export, full-width and half-width numbering, numbered items inside a paragraph,
a sharing site's notices, 一是/二是, traditional script, skipped and restarted numbering, levels that
change mid-document, headings ending with ：, titles and subtitles, table rows, 第一部分/第二章/附件
lines and headings holding figures. None of the sentences comes from a corpus document.
"""

from __future__ import annotations

import pytest

from nlp.text.normalize import normalize
from nlp.text.outline import build_outline

P = "今年以来，在街道党工委的正确领导下，社区各项工作稳步推进，居民满意度不断提高，取得了较好成效。"
Q = "社区坚持以居民需求为导向，整合辖区资源，完善服务机制，不断提升为民服务的能力和水平。"
T = "今年以來，在街道黨工委的正確領導下，社區各項工作穩步推進，居民滿意度不斷提高，取得了較好成效。"
TITLE = "2023年松林社区工作总结\n"


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.label, s.heading) for s in build_outline(normalize(text))]


CASES: dict[str, tuple[str, list[tuple[int, str, str]]]] = {
    # --- run-on headings: the heading ends at its first 。 or ：
    "run-on 一、 at a full stop": (
        TITLE + P + "\n一、做好就业帮扶工作。目前已帮助辖区失业人员再就业42人，开发公益岗位8个。\n"
        "二、抓好文明创建。全年评选文明家庭15户，最美邻里6户。\n",
        [(1, "一、", "做好就业帮扶工作"), (1, "二、", "抓好文明创建")],
    ),
    "run-on （一） at a colon": (
        TITLE + P + "\n（一）强化网格管理：社区划分网格9个，配备专职网格员9名。\n"
        "（二）化解矛盾纠纷：全年受理纠纷31起，调解成功29起。\n",
        [(2, "（一）", "强化网格管理"), (2, "（二）", "化解矛盾纠纷")],
    ),
    "run-on 1、 at a colon, half-width": (
        TITLE + P + "\n1、关爱独居老人:建立独居老人台账，每周电话问候一次。\n"
        "2、帮扶困难家庭:为困难家庭申请临时救助7户。\n",
        [(3, "1、", "关爱独居老人"), (3, "2、", "帮扶困难家庭")],
    ),
    "run-on （1） at a full stop": (
        TITLE + P + "\n（1）开展健康讲座。全年邀请医生举办讲座6场，受益居民300余人。\n"
        "（2）组织免费体检。为65岁以上老人体检210人次。\n",
        [(4, "（1）", "开展健康讲座"), (4, "（2）", "组织免费体检")],
    ),
    "run-on heading with a comma before its full stop": (
        TITLE + P + "\n一、加强组织领导，压实工作责任。社区成立工作专班，书记任组长。\n"
        "二、突出重点难点，补齐民生短板。全年新增停车位60个。\n",
        [(1, "一、", "加强组织领导，压实工作责任"), (1, "二、", "突出重点难点，补齐民生短板")],
    ),
    "run-on headings in traditional script": (
        "2023年松林社區工作總結\n" + T + "\n一、強化黨建引領。社區黨委下設支部4個，黨員112名。\n"
        "二、做好民生保障：全年發放救助金3.2萬元。\n",
        [(1, "一、", "強化黨建引領"), (1, "二、", "做好民生保障")],
    ),
    # --- a heading glued to the next line's text after PDF extraction
    "glued heading before 全年": (
        TITLE + P + "\n一、环境卫生整治全年共清理卫生死角120处，清运垃圾300余吨。\n"
        "二、治安防控工作全年组织夜间巡逻90次，化解纠纷12起。\n",
        [(1, "一、", "环境卫生整治"), (1, "二、", "治安防控工作")],
    ),
    "glued heading before 截至": (
        TITLE + P + "\n（一）医保参保情况截至11月底，社区居民参保2860人，参保率98.5%。\n"
        "（二）养老保险情况截至11月底，新增参保156人。\n",
        [(2, "（一）", "医保参保情况"), (2, "（二）", "养老保险情况")],
    ),
    "glued heading before a subject after its topic word": (
        TITLE + P + "\n一、党建工作我社区党委现有党员86名，下设支部3个。\n"
        "二、民政工作本社区现有低保户23户，特困供养4人。\n",
        [(1, "一、", "党建工作"), (1, "二、", "民政工作")],
    ),
    "heading line joined to its paragraph by a lost line break (original has it)": (
        TITLE + P + "\n一、基层党建\n社区党委坚持每月召开党员大会，全年共召开12次，参会党员900余人次。\n"
        "二、社区治理\n社区完善居民议事会制度，全年议事18次，解决难题15件。\n",
        [(1, "一、", "基层党建"), (1, "二、", "社区治理")],
    ),
    # --- full-width and half-width numbering, mixed punctuation
    "full-width digits with a full-width dot": (
        TITLE + P + "\n１．加强党员教育\n" + Q + "\n２．规范组织生活\n" + Q + "\n",
        [(3, "１．", "加强党员教育"), (3, "２．", "规范组织生活")],
    ),
    "half-width dot after a digit": (
        TITLE + P + "\n1.加强党员教育\n" + Q + "\n2.规范组织生活\n" + Q + "\n",
        [(3, "1.", "加强党员教育"), (3, "2.", "规范组织生活")],
    ),
    "half-width brackets around a digit": (
        TITLE + P + "\n(1)完善议事制度\n" + Q + "\n(2)拓宽参与渠道\n" + Q + "\n",
        [(4, "(1)", "完善议事制度"), (4, "(2)", "拓宽参与渠道")],
    ),
    "mixed brackets around a Chinese numeral": (
        TITLE + P + "\n(一)完善议事制度\n" + Q + "\n（二)拓宽参与渠道\n" + Q + "\n",
        [(2, "(一)", "完善议事制度"), (2, "（二)", "拓宽参与渠道")],
    ),
    "a space between the numeral and its mark": (
        TITLE + P + "\n一 、完善议事制度\n" + Q + "\n二 、拓宽参与渠道\n" + Q + "\n",
        [(1, "一 、", "完善议事制度"), (1, "二 、", "拓宽参与渠道")],
    ),
    "a Chinese numeral with a full-width dot": (
        TITLE + P + "\n一．完善议事制度\n" + Q + "\n二．拓宽参与渠道\n" + Q + "\n",
        [(1, "一．", "完善议事制度"), (1, "二．", "拓宽参与渠道")],
    ),
    "a label followed by a mark of its own: （一）、": (
        TITLE + P + "\n（一）、完善议事制度\n" + Q + "\n（二）、拓宽参与渠道\n" + Q + "\n",
        [(2, "（一）、", "完善议事制度"), (2, "（二）、", "拓宽参与渠道")],
    ),
    # --- numbered items inside a paragraph: no headings
    "names listed inline": (
        TITLE + P + "\n一、组织机构\n社区成立工作领导小组，成员为：1.张建国 2.李秀梅 3.王海涛，由张建国任组长。\n",
        [(1, "一、", "组织机构")],
    ),
    "attachments listed inline": (
        TITLE + P + "\n一、活动开展\n" + Q + "\n附件：1.签到表 2.活动照片 3.经费明细\n",
        [(1, "一、", "活动开展")],
    ),
    "an enumeration glued after a sentence end": (
        TITLE + P + "\n一、存在问题\n主要有三点。1.场地不足。2.人员偏少。3.经费紧张。\n",
        [(1, "一、", "存在问题")],
    ),
    "short items on their own lines inside a paragraph": (
        TITLE + P + "\n一、组织机构\n社区成立了由以下人员组成的工作小组，名单如下：\n1、张建国\n2、李秀梅\n3、王海涛\n"
        + Q + "\n二、工作措施\n" + Q + "\n",
        [(1, "一、", "组织机构"), (1, "二、", "工作措施")],
    ),
    # --- a sharing site's notices
    "download notices numbered 1. 2. 3. above the report": (
        "下载说明：\n1. 本资料为会员专享，下载后可编辑。\n2. 虚拟产品一经售出概不退换。\n3. 如有侵权请联系客服删除。\n"
        + TITLE + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q + "\n",
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    "site notices below the report": (
        TITLE + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q
        + "\n温馨提示：\n1、本文档由用户上传，仅供参考。\n2、付费后可下载全文。\n",
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    # --- 一是/二是
    "一是/二是 inside a sentence": (
        TITLE + P + "\n一、主要做法\n社区着力抓好三项工作：一是加强宣传，二是强化排查，三是落实整改。\n",
        [(1, "一、", "主要做法")],
    ),
    "一是/二是 at line starts": (
        TITLE + P + "\n一、主要做法\n一是加强宣传。发放宣传资料2000余份。\n二是强化排查。排查隐患36处。\n"
        "二、存在问题\n" + Q + "\n",
        [(1, "一、", "主要做法"), (1, "二、", "存在问题")],
    ),
    "circled numbers are list items": (
        TITLE + P + "\n一、主要做法\n①加强宣传\n②强化排查\n③落实整改\n二、存在问题\n" + Q + "\n",
        [(1, "一、", "主要做法"), (1, "二、", "存在问题")],
    ),
    # --- traditional script
    "traditional headings alone on their lines": (
        "2023年松林社區工作總結\n" + T + "\n一、黨建引領\n" + T + "\n（一）組織建設\n" + T + "\n（二）黨員教育\n" + T + "\n二、社區治理\n" + T,
        [(1, "一、", "黨建引領"), (2, "（一）", "組織建設"), (2, "（二）", "黨員教育"), (1, "二、", "社區治理")],
    ),
    "traditional part heading": (
        "2023年松林社區工作總結\n" + T + "\n第一部分 工作回顧\n一、黨建引領\n" + T + "\n第二部分 明年打算\n一、鞏固成果\n" + T,
        [(1, "第一部分", "工作回顧"), (1, "一、", "黨建引領"), (1, "第二部分", "明年打算"), (1, "一、", "鞏固成果")],
    ),
    # --- skipped or restarted numbering
    "numbering restarted under a new parent": (
        TITLE + P + "\n一、工作成效\n1、党建\n" + Q + "\n2、民生\n" + Q + "\n二、存在问题\n1、场地\n" + Q + "\n2、人员\n" + Q,
        [(1, "一、", "工作成效"), (3, "1、", "党建"), (3, "2、", "民生"), (1, "二、", "存在问题"), (3, "1、", "场地"), (3, "2、", "人员")],
    ),
    "a skipped number stands alone between headings of its run": (
        TITLE + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q + "\n四、平安建设\n" + Q + "\n五、下步打算\n" + Q,
        [(1, "一、", "党建引领"), (1, "二、", "环境整治"), (1, "四、", "平安建设"), (1, "五、", "下步打算")],
    ),
    "a repeated number stands alone between headings of its run": (
        TITLE + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q + "\n二、平安建设\n" + Q + "\n三、下步打算\n" + Q,
        [(1, "一、", "党建引领"), (1, "二、", "环境整治"), (1, "二、", "平安建设"), (1, "三、", "下步打算")],
    ),
    "a document that opens at 二、 (first page lost)": (
        Q + "\n二、环境整治\n" + Q + "\n三、平安建设\n" + Q,
        [(1, "二、", "环境整治"), (1, "三、", "平安建设")],
    ),
    # --- a level that changes mid-document
    "1、 under 一、, then （一） under another 一、": (
        TITLE + P + "\n一、工作回顾\n1、党建工作\n" + Q + "\n2、民生工作\n" + Q + "\n二、明年打算\n（一）巩固成果\n" + Q
        + "\n（二）补齐短板\n" + Q,
        [(1, "一、", "工作回顾"), (3, "1、", "党建工作"), (3, "2、", "民生工作"), (1, "二、", "明年打算"),
         (2, "（一）", "巩固成果"), (2, "（二）", "补齐短板")],
    ),
    "（1） directly under 一、": (
        TITLE + P + "\n一、工作回顾\n（1）党建工作\n" + Q + "\n（2）民生工作\n" + Q + "\n二、明年打算\n" + Q,
        [(1, "一、", "工作回顾"), (4, "（1）", "党建工作"), (4, "（2）", "民生工作"), (1, "二、", "明年打算")],
    ),
    "four levels nested": (
        TITLE + P + "\n一、工作回顾\n（一）党建工作\n1.组织建设\n（1）支部建设\n" + Q + "\n（2）党员发展\n" + Q
        + "\n2.作风建设\n" + Q + "\n（二）民生工作\n" + Q,
        [(1, "一、", "工作回顾"), (2, "（一）", "党建工作"), (3, "1.", "组织建设"), (4, "（1）", "支部建设"),
         (4, "（2）", "党员发展"), (3, "2.", "作风建设"), (2, "（二）", "民生工作")],
    ),
    # --- headings ending with ：
    "headings ending with a colon on their own lines": (
        TITLE + P + "\n一、主要做法：\n" + Q + "\n二、存在问题：\n" + Q + "\n",
        [(1, "一、", "主要做法"), (1, "二、", "存在问题")],
    ),
    "a half-width colon with a space after it": (
        TITLE + P + "\n（一）主要做法: \n" + Q + "\n（二）存在问题: \n" + Q + "\n",
        [(2, "（一）", "主要做法"), (2, "（二）", "存在问题")],
    ),
    # --- titles and subtitles are not headings
    "title, subtitle and date line": (
        "松林社区2023年工作总结\n——以党建引领推动基层治理提质增效\n（2023年12月20日）\n" + P + "\n一、党建引领\n" + Q
        + "\n二、环境整治\n" + Q,
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    "a speech title with its speaker": (
        "在全街道社区工作会议上的讲话\n松林社区党委书记 王海涛\n同志们：\n" + P + "\n一、党建引领\n" + Q,
        [(1, "一、", "党建引领")],
    ),
    # --- table rows are not headings
    "tab-separated rows numbered 1. 2.": (
        TITLE + P + "\n一、项目完成情况\n序号\t项目\t数量\t进度\n1.\t道路硬化\t3处\t已完成\n2.\t路灯安装\t46盏\t已完成\n"
        "3.\t绿化提升\t1200平方米\t进行中\n二、存在问题\n" + Q,
        [(1, "一、", "项目完成情况"), (1, "二、", "存在问题")],
    ),
    "tab-separated rows numbered 1、 2、": (
        TITLE + P + "\n一、救助发放\n1、\t低保金\t23户\t8.6万元\n2、\t临时救助\t7户\t1.2万元\n二、存在问题\n" + Q,
        [(1, "一、", "救助发放"), (1, "二、", "存在问题")],
    ),
    # --- 第一部分/第二章/附件
    "第一部分 with 一、 inside": (
        TITLE + P + "\n第一部分 2023年工作回顾\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q
        + "\n第二部分 2024年工作打算\n一、巩固成果\n" + Q,
        [(1, "第一部分", "2023年工作回顾"), (1, "一、", "党建引领"), (1, "二、", "环境整治"),
         (1, "第二部分", "2024年工作打算"), (1, "一、", "巩固成果")],
    ),
    "第一章 with a colon": (
        TITLE + P + "\n第一章：基本情况\n" + Q + "\n第二章：主要成效\n" + Q,
        [(1, "第一章：", "基本情况"), (1, "第二章：", "主要成效")],
    ),
    "附件 lines at the end are not headings": (
        TITLE + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q + "\n附件1：社区活动统计表\n附件2：居民满意度调查表\n",
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    # --- headings with figures in them
    "a heading with a figure alone on its line": (
        TITLE + P + "\n一、全年开展活动50余场\n" + Q + "\n二、新增就业岗位120个\n" + Q,
        [(1, "一、", "全年开展活动50余场"), (1, "二、", "新增就业岗位120个")],
    ),
    "a heading with a percentage alone on its line": (
        TITLE + P + "\n（一）居民满意度达到98%\n" + Q + "\n（二）垃圾分类覆盖率100%\n" + Q,
        [(2, "（一）", "居民满意度达到98%"), (2, "（二）", "垃圾分类覆盖率100%")],
    ),
    # --- unnumbered title-like lines
    "short unnumbered headings between paragraphs": (
        TITLE + P + "\n社区党建工作\n" + Q + P + "\n环境卫生整治\n" + Q + P,
        [(1, "", "社区党建工作"), (1, "", "环境卫生整治")],
    ),
    # --- more shapes: numbers that open a paragraph, two-digit labels, glued openers
    "a paragraph opening with two months 3、4月份": (
        TITLE + P + "\n一、主要工作\n3、4月份，社区集中开展环境整治，清理小广告600余处。\n" + Q + "\n二、存在问题\n" + Q,
        [(1, "一、", "主要工作"), (1, "二、", "存在问题")],
    ),
    "a paragraph opening with two quarters 一、二季度": (
        TITLE + P + "\n一、经济运行\n一、二季度，全镇完成固定资产投资1.8亿元，同比增长6%。\n二、社会事业\n" + Q,
        [(1, "一、", "经济运行"), (1, "二、", "社会事业")],
    ),
    "two-digit labels continue their run": (
        TITLE + P + "".join(f"\n{n}、工作事项{n}\n" + Q for n in range(1, 13)),
        [(3, f"{n}、", f"工作事项{n}") for n in range(1, 13)],
    ),
    "Chinese labels past ten": (
        TITLE + P + "".join(f"\n{c}、重点工作\n" + Q for c in ("九", "十", "十一", "十二")),
        [(1, f"{c}、", "重点工作") for c in ("九", "十", "十一", "十二")],
    ),
    "full-width digits in full-width brackets": (
        TITLE + P + "\n（１）完善议事制度\n" + Q + "\n（２）拓宽参与渠道\n" + Q + "\n",
        [(4, "（１）", "完善议事制度"), (4, "（２）", "拓宽参与渠道")],
    ),
    "a heading alone on its line with a trailing full stop": (
        TITLE + P + "\n一、加强党的建设。\n" + Q + "\n二、推进社区治理。\n" + Q,
        [(1, "一、", "加强党的建设"), (1, "二、", "推进社区治理")],
    ),
    "glued heading before 按照": (
        TITLE + P + "\n一、疫情防控工作按照上级部署，社区组建防控队伍5支，排查人员2300余人。\n"
        "二、安全生产工作按照属地管理要求，检查企业36家，整改隐患41处。\n",
        [(1, "一、", "疫情防控工作"), (1, "二、", "安全生产工作")],
    ),
    "run-on heading with a question mark": (
        TITLE + P + "\n一、社区还缺什么？经过走访，居民反映最多的是停车难，共收集意见86条。\n"
        "二、下一步怎么做？社区将新建停车位120个。\n",
        [(1, "一、", "社区还缺什么"), (1, "二、", "下一步怎么做")],
    ),
    "run-on traditional heading with a colon in （一）": (
        "2023年松林社區工作總結\n" + T + "\n（一）組織建設：社區黨委下設支部3個。\n（二）黨員教育：全年開展學習12次。\n",
        [(2, "（一）", "組織建設"), (2, "（二）", "黨員教育")],
    ),
    "attachments listed on their own lines at the end": (
        TITLE + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q + "\n附件：\n1.社区活动统计表\n2.居民满意度调查表\n",
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    "signature and date after the last heading": (
        TITLE + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q + "\n松林社区居民委员会\n2023年12月20日\n",
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    "a plan part with its own numbering": (
        TITLE + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q + "\n2024年工作打算\n一、巩固党建成果\n" + Q
        + "\n二、深化环境治理\n" + Q,
        [(1, "一、", "党建引领"), (1, "二、", "环境整治"), (1, "", "2024年工作打算"), (1, "一、", "巩固党建成果"),
         (1, "二、", "深化环境治理")],
    ),
    "items (1) (2) inline after a lead sentence": (
        TITLE + P + "\n一、存在问题\n主要表现在：（1）场地不足；（2）人员偏少；（3）经费紧张。\n二、下步打算\n" + Q,
        [(1, "一、", "存在问题"), (1, "二、", "下步打算")],
    ),
    "numbered sentences of a paragraph with figures are not headings": (
        TITLE + P + "\n一、民生保障\n1、发放低保金26.8万元，惠及低保户52户。2、发放临时救助金3.1万元。\n二、下步打算\n" + Q,
        [(1, "一、", "民生保障"), (1, "二、", "下步打算")],
    ),
    "第一节 headings": (
        TITLE + P + "\n第一节 基本情况\n" + Q + "\n第二节 主要做法\n" + Q,
        [(1, "第一节", "基本情况"), (1, "第二节", "主要做法")],
    ),
    "flattened page: headings glued after full stops, before a sentence opener": (
        "2023年松林社区工作总结 " + P * 4 + "一、党建引领今年以来，" + Q + "二、环境整治目前，" + Q + "三、平安建设" + Q,
        [(1, "一、", "党建引领"), (1, "二、", "环境整治"), (1, "三、", "平安建设")],
    ),
    "flattened page: a heading glued to its sentence after a full stop": (
        "2023年松林社区工作总结 " + P * 5 + "一、党建引领。" + Q + "二、环境整治。" + Q,
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    "notices of a sharing site mixed with the title": (
        "松林社区2023年工作总结-文库\n温馨提示：\n1.本文档共5页，可在线阅读。\n2.下载需消耗下载券2个。\n"
        + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q,
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    # --- probed after the first fixes: link lists, notices, ordinals, marks, indentation
    "a sharing site's related articles below the report": (
        TITLE + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q
        + "\n1、2022年社区工作总结范文\n2、社区党支部年度工作总结\n3、社区居委会上半年工作总结\n",
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    "a 声明 lead over the site's notices": (
        TITLE + P + "\n一、党建引领\n" + Q + "\n二、环境整治\n" + Q + "\n声明：\n1.本站所有资源来源于网络。\n2.仅供学习交流。\n",
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    "parts headed 2023年工作总结 and 2024年工作计划 stay headings": (
        TITLE + P + "\n一、2023年工作总结\n" + Q + "\n二、2024年工作计划\n" + Q,
        [(1, "一、", "2023年工作总结"), (1, "二、", "2024年工作计划")],
    ),
    "第一，第二， open sentences": (
        TITLE + P + "\n一、主要做法\n第一，加强学习。组织学习12次。\n第二，强化落实。整改问题9个。\n二、存在问题\n" + Q,
        [(1, "一、", "主要做法"), (1, "二、", "存在问题")],
    ),
    "headings ending with an exclamation mark": (
        TITLE + P + "\n一、凝心聚力谋发展！\n" + Q + "\n二、真抓实干见成效！\n" + Q,
        [(1, "一、", "凝心聚力谋发展"), (1, "二、", "真抓实干见成效")],
    ),
    "headings opening with a quoted name": (
        TITLE + P + "\n一、“党建+”引领基层治理\n" + Q + "\n二、“五社联动”提升服务\n" + Q,
        [(1, "一、", "“党建+”引领基层治理"), (1, "二、", "“五社联动”提升服务")],
    ),
    "an ideographic space after the label and indented lines": (
        TITLE + P + "\n　　一、　党建引领\n　　" + Q + "\n　　二、　环境整治\n　　" + Q,
        [(1, "一、", "党建引领"), (1, "二、", "环境整治")],
    ),
    "unnumbered headings written with a colon over their paragraph": (
        TITLE + P + "\n主要做法：\n" + Q + P + "\n存在问题：\n" + Q + P,
        [(1, "", "主要做法"), (1, "", "存在问题")],
    ),
    "其中： over a paragraph is no heading": (
        TITLE + P + "\n一、民生保障\n" + Q + "\n其中：\n" + Q + P,
        [(1, "一、", "民生保障")],
    ),
}

# Label shapes of the grammar's later rules (nlp/text/labels.py RULES): 1）/1) (*closing bracket*), 1，/1,
# (*comma label*, weak) and 1.2023年 (*dot before digit*, weak). A weak shape is a label only in a run of
# its own at line starts (*run*); each look-alike below must stay a sentence, a count or a decimal.
R = "社区全年共召开居民议事会12次，解决停车难、楼道照明等实际问题30余件。"
LABEL_SHAPES: dict[str, tuple[str, list[tuple[int, str, str]]]] = {
    "a digit with a closing bracket only: 1）": (
        TITLE + P + "\n1）完善议事制度\n" + Q + "\n2）拓宽参与渠道\n" + Q + "\n",
        [(4, "1）", "完善议事制度"), (4, "2）", "拓宽参与渠道")],
    ),
    "half-width 1) run on at a colon, under 1.": (
        TITLE + P + "\n1.关爱老年群体\n" + Q + "\n1)助餐服务：社区食堂全年供餐1.2万人次。\n2)健康服务：为老人体检310人次。\n"
        "2.服务青少年\n" + Q + "\n",
        [(3, "1.", "关爱老年群体"), (4, "1)", "助餐服务"), (4, "2)", "健康服务"), (3, "2.", "服务青少年")],
    ),
    "a digit with a comma: 1,": (
        TITLE + P + "\n1,完善议事制度\n" + Q + "\n2,拓宽参与渠道\n" + Q + "\n",
        [(3, "1,", "完善议事制度"), (3, "2,", "拓宽参与渠道")],
    ),
    "full-width 1， run on at a full stop, three in a row": (
        TITLE + P + "\n1，抓好议事协商。" + R + "\n2，做实便民服务。" + R + "\n3，守牢安全底线。" + R + "\n",
        [(3, "1，", "抓好议事协商"), (3, "2，", "做实便民服务"), (3, "3，", "守牢安全底线")],
    ),
    "1， items numbered anew under each 一、": (
        TITLE + P + "\n一、主要成效\n1，完善议事制度\n" + Q + "\n2，拓宽参与渠道\n" + Q
        + "\n二、下一步打算\n1，健全服务体系\n" + Q + "\n2，提升治理能力\n" + Q + "\n",
        [(1, "一、", "主要成效"), (3, "1，", "完善议事制度"), (3, "2，", "拓宽参与渠道"), (1, "二、", "下一步打算"),
         (3, "1，", "健全服务体系"), (3, "2，", "提升治理能力")],
    ),
    "dot label before a year: 1.2023年": (
        TITLE + P + "\n1.2023年工作回顾\n" + Q + "\n2.2024年工作打算\n" + Q + "\n",
        [(3, "1.", "2023年工作回顾"), (3, "2.", "2024年工作打算")],
    ),
    "dot label before a number that is no quantity, after 1. 2. 3.": (
        TITLE + P + "\n1.做好议事协商\n" + Q + "\n2.推进老旧小区改造\n" + Q + "\n3.守牢安全底线\n" + Q
        + "\n4.12345热线诉求办理\n" + R + "\n",
        [(3, "1.", "做好议事协商"), (3, "2.", "推进老旧小区改造"), (3, "3.", "守牢安全底线"), (3, "4.", "12345热线诉求办理")],
    ),
    "full-width ordinal dot before a year: 一．2023年": (
        TITLE + P + "\n一．2023年工作回顾\n" + Q + "\n二．2024年工作打算\n" + Q + "\n",
        [(1, "一．", "2023年工作回顾"), (1, "二．", "2024年工作打算")],
    ),
    # --- look-alikes: no heading
    "decimal with a unit opening each line (1.8万元, 2.5万元)": (
        TITLE + P + "\n一、资金使用\n1.8万元用于修缮居民活动室。\n2.5万元用于小区绿化补植。\n" + Q + "\n",
        [(1, "一、", "资金使用")],
    ),
    "decimal wrapped to a line start after a 1. heading": (
        TITLE + P + "\n1.资金使用\n社区全年争取上级补助资金，用于修缮活动室的共计\n2.5万元，其余用于绿化。\n",
        [(3, "1.", "资金使用")],
    ),
    "a date wrapped to a line start after a 1. heading (2.15, no unit)": (
        TITLE + P + "\n1.议事协商\n今年社区居民议事会的第一次全体会议经社区两委研究决定于\n2.15上午在党群服务中心召开。\n",
        [(3, "1.", "议事协商")],
    ),
    "a thousands separator opening a line (1,200元)": (
        TITLE + P + "\n一、民生保障\n1,200元慰问金已发放到户。\n2,400元助学金已发放到户。\n" + Q + "\n",
        [(1, "一、", "民生保障")],
    ),
    "a comma list inside a sentence": (
        TITLE + P + "\n一、主要做法\n社区做法有三条：1，议事协商；2，便民服务；3，安全巡查。" + Q + "\n",
        [(1, "一、", "主要做法")],
    ),
    "a lone count with a comma opening a line, no run": (
        TITLE + P + "\n一、主要做法\n" + Q + "\n3，社区又新增志愿者服务队，全年开展活动40余场。\n" + Q + "\n",
        [(1, "一、", "主要做法")],
    ),
    "months with a comma (3，4月份) and a comma label split after a sentence end": (
        TITLE + P + "\n一、环境整治\n3，4月份，社区集中开展环境整治。" + R + " 1，清理垃圾。 2，拆除违建。\n",
        [(1, "一、", "环境整治")],
    ),
}
# Known failures: no punctuation, no opener, and 引领 names no topic the way 工作/整治 do, so neither the
# grammar nor the end model cuts before 社区.
LABEL_GAPS: dict[str, tuple[str, list[tuple[int, str, str]]]] = {
    "glued heading before 社区 after a word that is no topic head": (
        "2023年松林社区工作总结 " + P * 4 + "一、党建引领" + Q + "二、环境整治" + Q + "三、平安建设" + Q,
        [(1, "一、", "党建引领"), (1, "二、", "环境整治"), (1, "三、", "平安建设")],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_heading_shape(name: str) -> None:
    text, expected = CASES[name]
    assert outline(text) == expected


@pytest.mark.parametrize("name", list(LABEL_SHAPES))
def test_label_shape(name: str) -> None:
    text, expected = LABEL_SHAPES[name]
    assert outline(text) == expected


@pytest.mark.parametrize("name", list(LABEL_GAPS))
@pytest.mark.xfail(reason="no opener, subject or frame after the heading's last word", strict=True)
def test_label_gap(name: str) -> None:
    text, expected = LABEL_GAPS[name]
    assert outline(text) == expected


# A heading glued to its paragraph with nothing between (a PDF export lost the line break): the heading
# ends where the sentence starts — at a sentence opener, or a subject or frame after a topic head
# (nlp/resources/headings.toml). (heading, the paragraph glued to it)
GLUED = [
    ("2023年工作回顾", "过去的一年，社区共办理民生实事12件，群众满意率95%。"),
    ("三年来工作回顾", "过去三年，村里累计投入资金260万元，新修道路4.5公里。"),
    ("加强基层党组织建设", "社区党委现有党员86名，下设支部3个。"),
    ("做好困难群众帮扶", "全年走访困难家庭126户，发放慰问金3.8万元。"),
    ("推进老旧小区改造", "2023年共改造小区4个，惠及居民1200户。"),
    ("抓好安全生产", "社区联合物业开展安全检查24次，整改隐患37处。"),
    ("丰富居民文化生活", "社区组织文艺演出8场，参与群众2000余人次。"),
    ("强化社会治安综合治理", "辖区组建义务巡逻队3支，队员45名。"),
    ("开展垃圾分类工作", "为进一步提高居民分类意识，社区开展宣传活动15次。"),
    ("做好退役军人服务", "针对辖区退役军人多的特点，社区建立服务台账。"),
    ("推进平安社区建设", "一年来，社区共调解矛盾纠纷28起。"),
    ("疫情防控", "面对严峻形势，社区第一时间组建防控队伍。"),
    ("打造特色品牌", "社区依托辖区资源，打造“邻里守望”服务品牌。"),
    ("加强精神文明建设", "社区深入开展文明家庭评选，评出文明家庭20户。"),
    ("做好老龄工作", "辖区现有60岁以上老人860名，占总人口18%。"),
    ("民生保障", "全年为低保户发放低保金46万元。"),
    ("党风廉政建设", "认真落实“一岗双责”，签订责任书12份。"),
    ("做好残疾人帮扶", "全年为残疾人办理补贴申请23件，发放辅具15件。"),
    ("抓好农业生产", "全村完成春播面积1800亩，粮食产量稳中有升。"),
    ("改善群众生活", "社区协调资金15万元，维修楼道灯120盏。"),
    ("健全应急体系", "针对汛期特点，社区组建应急分队2支，储备物资300件。"),
    ("森林防火防控", "面对持续干旱天气，村里增设防火检查站3处。"),
    ("擦亮志愿服务品牌", "依托新时代文明实践站，社区招募志愿者210名。"),
    ("加强禁毒宣传工作", "围绕国际禁毒日，社区开展主题宣传活动5场。"),
    ("规范财务管理", "认真执行村级财务制度，全年公开账目12次。"),
    ("推进移风易俗工作", "为进一步树立文明新风，村里修订村规民约1部。"),
    ("加强流动人口管理", "截至10月底，登记流动人口1320人。"),
    ("做好征兵工作", "今年社区共有适龄青年报名36人，入伍2人。"),
    ("推进美丽乡村建设", "全村新建文化广场1个，种植绿化苗木3000株。"),
    ("加强统战工作", "社区联系辖区非公企业18家，开展座谈会4次。"),
]
# No cue a reader could name without parsing the sentence (将, 投入, 村里, 在…下, a place of time):
# known failures of the grammar and of the end model.
GLUED_GAPS = [
    ("完善便民服务体系", "在上级部门的支持下，社区新建便民服务站2个。"),
    ("关爱未成年人", "暑假期间，社区开办公益课堂6期，参与儿童180人次。"),
    ("基础设施建设", "投入资金120万元，硬化道路2.3公里。"),
    ("加强网格化管理", "将辖区划分为8个网格，配备网格员8名。"),
    ("产业发展", "村里引进食用菌种植企业1家，带动就业60人。"),
    ("落实河长制", "全年巡河48次，清理河道垃圾6吨。"),
    ("深化“放管服”改革", "通过优化办事流程，群众办事时间缩短40%。"),
]


def _glued(heading: str, paragraph: str) -> list[tuple[int, str, str]]:
    return outline(TITLE + P + f"\n一、{heading}{paragraph}" + Q + "\n二、存在问题\n" + Q)


@pytest.mark.parametrize(("heading", "paragraph"), GLUED)
def test_glued_heading_ends_where_its_paragraph_starts(heading: str, paragraph: str) -> None:
    assert _glued(heading, paragraph) == [(1, "一、", heading), (1, "二、", "存在问题")]


@pytest.mark.parametrize(("heading", "paragraph"), GLUED_GAPS)
@pytest.mark.xfail(reason="no opener, subject or frame after the heading's last word", strict=True)
def test_glued_heading_gap(heading: str, paragraph: str) -> None:
    assert _glued(heading, paragraph) == [(1, "一、", heading), (1, "二、", "存在问题")]

"""An unseen-like measure of document metadata (title, community, year, period): whole small reports
written for the tenth session in the genre's style, in wordings no earlier battery uses (other unit
names, other kinds of unit, other file names, headers, closings and period words), each read the way
SPEC sections 3, 5 and 6 and evaluation/gold/GUIDELINES.md (Metadata) say. The expectations were
fixed and committed before the pipeline first ran on these documents (ACC10 step 1); no case quotes
a corpus document.

Run ``python -m evaluation.meta_unseen`` for the per-field and per-document rates (``--failures``
lists what is wrong); tests/test_meta_unseen.py holds every case as a test.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass

FIELDS = ("title", "community", "year", "period")


@dataclass(frozen=True)
class Case:
    """One document: the path it arrives under, its text, and the four fields GUIDELINES fixes."""

    name: str
    path: str
    text: str
    title: str | None
    community: str | None
    year: int | None
    period: str | None

    def expected(self) -> dict[str, object]:
        return {field: getattr(self, field) for field in FIELDS}


# ---- body parts, written for this file (each a few lines of a report's sections)
PARTY = "一、党建引领\n全年召开党员大会5次，上党课8次，发展预备党员1名。\n二、民生保障\n为辖区困难群众办理低保12户，发放慰问金1.6万元。\n"
ORDER = "一、基层治理\n调解各类矛盾纠纷23起，调解成功率100%。\n二、环境整治\n清理卫生死角40余处，新增绿化面积500平方米。\n"
FARM = "一、产业发展\n新发展茶叶种植200亩，村集体经济收入达到15万元。\n二、人居环境\n硬化村组道路3.2公里，改造农村户厕46户。\n"
PLAN = "一、重点任务\n计划新建健身广场1处，力争发展新党员2名。\n二、保障措施\n进一步完善网格化管理，确保全年无重大安全事故。\n"
HALF = "一、主要工作\n共开展文体活动9场，参与居民600余人次。\n二、存在问题\n老旧小区停车难问题仍较突出，物业管理有待规范。\n"
TOWN = "一、经济发展\n全镇完成固定资产投资3.5亿元，新引进企业6家。\n二、村级建设\n红枫村、石桥村完成村部改造，红枫村获评市级文明村。\n"


def _doc(*parts: str) -> str:
    return "\n".join(part.rstrip("\n") for part in parts) + "\n"


def _cases() -> Iterator[Case]:
    # ---- file names as downloaded files carry them
    yield Case(
        "file_name: 年度 and the year only in a .docx name with _1",
        "下载/2023年度社区工作总结_1.docx",
        _doc("社区工作总结", "过去的一年，我社区在街道党工委的领导下，围绕中心、服务大局，各项工作有序推进。", PARTY, "特此总结。"),
        "社区工作总结", None, 2023, "year",
    )
    yield Case(
        "file_name: 【第N篇】 and (2) around the name, no title line in the text",
        "【第4篇】2022年村委会上半年工作总结(2).docx",
        _doc("在镇党委、政府的正确领导下，本村两委班子团结协作，较好地完成了各项工作任务，现总结如下。", FARM),
        None, None, 2022, "H1",
    )
    yield Case(
        "file_name: a site suffix _3 in the name, the title in the text",
        "范文/2021年竹溪村工作总结_3.doc",
        _doc("竹溪村二〇二一年工作总结", "一年来，竹溪村党支部带领全体村民真抓实干，村容村貌明显改善。", FARM),
        "竹溪村二〇二一年工作总结", "竹溪村", 2021, "year",
    )
    yield Case(
        "file_name: the year in the name, 下半年 in the title",
        "社区工作总结范文/2020年下半年工作总结.docx",
        _doc("下半年工作总结", "下半年以来，梅岭社区紧紧围绕街道中心工作，稳步推进各项任务。", HALF),
        "下半年工作总结", "梅岭社区", 2020, "H2",
    )
    yield Case(
        "file_name: 1-6月 only in the name, the year in the closing date",
        "uploads/社区1-6月工作总结.docx",
        _doc("银湖湾社区工作总结", "今年以来，银湖湾社区以党建为引领，扎实做好各项服务工作。", HALF, "银湖湾社区居委会", "2023年7月3日"),
        "银湖湾社区工作总结", "银湖湾社区", 2023, "H1",
    )
    yield Case(
        "file_name: a plain name, a generic title and a 年度 name",
        "docs/2022年度总结.docx",
        _doc("工作总结", "这一年，杉木塘社区全体工作人员齐心协力，圆满完成了街道下达的各项目标任务。", ORDER),
        "工作总结", "杉木塘社区", 2022, "year",
    )
    # ---- a file suffix or a site's numbering on the title line
    yield Case(
        "title_suffix: .docx on the title line",
        "x.txt",
        _doc("2023年柚子坪村工作总结.docx", "2023年，柚子坪村在乡党委的坚强领导下，聚焦产业振兴，各项工作取得新进展。", FARM),
        "2023年柚子坪村工作总结", "柚子坪村", 2023, "year",
    )
    yield Case(
        "title_suffix: a copy number (2) after the title",
        "x.txt",
        _doc("银湖湾社区2022年度工作总结(2)", "一年来，银湖湾社区认真落实上级部署，社区治理水平不断提升。", ORDER),
        "银湖湾社区2022年度工作总结", "银湖湾社区", 2022, "year",
    )
    yield Case(
        "title_suffix: _1 and .doc after a plan's title",
        "x.txt",
        _doc("竹溪村2024年工作计划_1.doc", "新的一年，竹溪村将紧扣乡村振兴目标，重点抓好以下工作。", PLAN),
        "竹溪村2024年工作计划", "竹溪村", 2024, "year",
    )
    yield Case(
        "site_numbering: 【第12篇】 and a space before the title",
        "x.txt",
        _doc("【第12篇】 荷花池村2023年上半年工作总结", "上半年，荷花池村两委班子团结带领群众，扎实推进各项重点工作。", FARM),
        "荷花池村2023年上半年工作总结", "荷花池村", 2023, "H1",
    )
    yield Case(
        "site_numbering: 范文二： before the title",
        "x.txt",
        _doc("范文二：白沙社区2023年第一季度工作总结", "一季度以来，白沙社区克服人手紧张等困难，较好完成了各项工作。", HALF),
        "白沙社区2023年第一季度工作总结", "白沙社区", 2023, "Q1",
    )
    yield Case(
        "site_numbering: 篇十 after a plan's title",
        "x.txt",
        _doc("梅岭社区2023年工作计划 篇十", "为做好2023年社区各项工作，结合梅岭社区实际，特制定本计划。", PLAN),
        "梅岭社区2023年工作计划", "梅岭社区", 2023, "year",
    )
    yield Case(
        "site_numbering: 范文 as the title's own word stays",
        "x.txt",
        _doc("2022年社区党建工作总结范文", "一年来，杉木塘社区党委坚持把党建工作放在首位，不断增强基层党组织的凝聚力。", PARTY),
        "2022年社区党建工作总结范文", "杉木塘社区", 2022, "year",
    )
    yield Case(
        "site_numbering: a collection headline （精选5篇） above 【第1篇】 and the article's title",
        "x.txt",
        _doc("村委会年度工作总结（精选5篇）", "【第1篇】", "石桥村2022年度工作总结", "2022年，石桥村村委会在镇党委的领导下，团结拼搏，务实重干。", FARM),
        "石桥村2022年度工作总结", "石桥村", 2022, "year",
    )
    # ---- the title on line 2–4 under a site's header or a date line
    yield Case(
        "header: a breadcrumb and a posting time above the title",
        "x.txt",
        _doc(
            "工作总结 > 社区工作总结", "2023-07-05 10:12", "白沙洲街道梅岭社区2023年上半年工作总结",
            "今年以来，梅岭社区在街道党工委的领导下，扎实开展各项工作。", HALF,
        ),
        "白沙洲街道梅岭社区2023年上半年工作总结", "梅岭社区", 2023, "H1",
    )
    yield Case(
        "header: a posting date alone on line 1, the year reviewed in the title",
        "x.txt",
        _doc("2024年01月08日", "柚子坪村2023年工作总结", "2023年是柚子坪村发展极不平凡的一年，全村上下团结一心，攻坚克难。", FARM),
        "柚子坪村2023年工作总结", "柚子坪村", 2023, "year",
    )
    yield Case(
        "header: a site's name and a 标题： label",
        "x.txt",
        _doc("文秘写作网", "标题：荷花池村2022年度工作报告", "作者：佚名", "各位党员、村民代表：", "2022年，荷花池村认真贯彻乡党委各项决策部署，较好地完成了全年目标。", FARM),
        "荷花池村2022年度工作报告", "荷花池村", 2022, "year",
    )
    yield Case(
        "header: a red header and its document number above the title",
        "x.txt",
        _doc(
            "中共石门镇竹溪村支部委员会文件", "竹支发〔2023〕5号", "关于2023年上半年工作情况的报告",
            "镇党委：", "今年上半年，我村在镇党委的正确领导下，各项工作稳步推进，现将有关情况报告如下。", FARM,
        ),
        "关于2023年上半年工作情况的报告", "竹溪村", 2023, "H1",
    )
    yield Case(
        "header: a salutation opens the text, no title",
        "x.txt",
        _doc(
            "各位党员、居民代表：", "一年来，我社区在街道党工委的正确领导下，紧紧依靠广大居民，较好地完成了各项任务。", ORDER,
            "杉木塘社区居委会", "二〇二三年十二月二十六日",
        ),
        None, "杉木塘社区", 2023, "year",
    )
    # ---- no unit in the title: 我社区/本村 in the opening, the name in the signature or date line
    yield Case(
        "signature: 本村 in the opening, the town before the village, a date in Chinese numerals",
        "x.txt",
        _doc("年度工作总结", "2022年，本村在乡党委的正确领导下，紧紧围绕年初目标，各项工作扎实推进。", FARM, "沙河乡柚子坪村村民委员会", "二〇二二年十二月二十八日"),
        "年度工作总结", "柚子坪村", 2022, "year",
    )
    yield Case(
        "signature: a party committee and the date on one line",
        "x.txt",
        _doc("上半年工作总结", "今年以来，我社区坚持以人民为中心，扎实推进各项工作。", HALF, "中共银湖湾社区委员会    2023年6月30日"),
        "上半年工作总结", "银湖湾社区", 2023, "H1",
    )
    yield Case(
        "signature: a grid of a community signs its own report",
        "x.txt",
        _doc("网格工作总结", "一年来，我所在网格紧紧围绕社区中心工作，认真履行网格员职责。", ORDER, "梅岭社区第三网格", "2023年12月"),
        "网格工作总结", "梅岭社区", 2023, "year",
    )
    yield Case(
        "signature: the date first, then 村委会, on one line",
        "x.txt",
        _doc("村委会工作总结", "一年来，在镇党委的正确领导下，村委会一班人团结协作，完成了全年各项工作任务。", FARM, "二〇二三年十二月二十日  竹溪村委会"),
        "村委会工作总结", "竹溪村", 2023, "year",
    )
    yield Case(
        "opening: the village leads a description, a number phrase of villages after it",
        "x.txt",
        _doc("工作总结", "荷花池村地处沙河乡北部，辖7个自然村、12个村民小组，共有农户520户。一年来，村两委班子团结协作，各项工作有序推进。", FARM),
        "工作总结", "荷花池村", None, "year",
    )
    yield Case(
        "signature: a 党支部 of a village and a dotted date",
        "x.txt",
        _doc("党建工作总结", "一年来，我村党支部认真落实全面从严治党要求，扎实开展主题教育。", PARTY, "石桥村党支部", "2023.12.25"),
        "党建工作总结", "石桥村", 2023, "year",
    )
    # ---- two years in the title
    yield Case(
        "two_years: 总结暨计划 with bare 总结/计划",
        "x.txt",
        _doc("梅岭社区2023年总结暨2024年计划", "2023年，梅岭社区在街道党工委的领导下，各项工作取得了新成效。", PARTY, PLAN),
        "梅岭社区2023年总结暨2024年计划", "梅岭社区", 2023, "year",
    )
    yield Case(
        "two_years: Chinese-numeral years with 和…思路",
        "x.txt",
        _doc("竹溪村二〇二二年工作总结和二〇二三年工作思路", "二〇二二年，竹溪村两委紧紧围绕乡村振兴战略，扎实推进各项工作。", FARM, PLAN),
        "竹溪村二〇二二年工作总结和二〇二三年工作思路", "竹溪村", 2022, "year",
    )
    yield Case(
        "two_years: 及…安排",
        "x.txt",
        _doc("杉木塘社区2023年工作总结及2024年工作安排", "回顾一年来的工作，杉木塘社区始终坚持党建引领，不断提升服务水平。", ORDER, PLAN),
        "杉木塘社区2023年工作总结及2024年工作安排", "杉木塘社区", 2023, "year",
    )
    yield Case(
        "two_years: 年度总结与…年度计划",
        "x.txt",
        _doc("白沙社区2022年度总结与2023年度计划", "2022年，白沙社区认真落实街道各项部署，社区面貌焕然一新。", ORDER, PLAN),
        "白沙社区2022年度总结与2023年度计划", "白沙社区", 2022, "year",
    )
    # ---- the year only in the closing date
    yield Case(
        "closing_year: 二〇二三年十二月 under a 社区居委会",
        "x.txt",
        _doc("社区工作总结", "一年来，社区居委会在街道的正确领导下，认真履职，较好完成了各项任务。", ORDER, "白沙社区居委会", "二〇二三年十二月"),
        "社区工作总结", "白沙社区", 2023, "year",
    )
    yield Case(
        "closing_year: 二零二二年十二月三十日 under a village",
        "x.txt",
        _doc("工作总结", "这一年来，我村紧紧围绕镇党委的决策部署，攻坚克难，狠抓落实。", FARM, "石桥村村委会", "二零二二年十二月三十日"),
        "工作总结", "石桥村", 2022, "year",
    )
    yield Case(
        "closing_year: a year-end summary signed in 元月 of the next year",
        "x.txt",
        _doc("银湖湾社区年终工作总结", "一年来，银湖湾社区认真履行服务居民的职责，各项工作取得明显成效。", ORDER, "银湖湾社区", "二〇二四年元月"),
        "银湖湾社区年终工作总结", "银湖湾社区", 2023, "year",
    )
    yield Case(
        "closing_year: a dotted date under the village",
        "x.txt",
        _doc("荷花池村工作总结", "一年来，荷花池村两委班子带领全村群众，真抓实干，取得了一定成绩。", FARM, "荷花池村村民委员会", "2022.12.28"),
        "荷花池村工作总结", "荷花池村", 2022, "year",
    )
    # ---- period words
    yield Case(
        "period: 一季度 without 第",
        "x.txt",
        _doc("梅岭社区2023年一季度工作总结", "一季度以来，梅岭社区扎实开展春季环境整治和安全隐患排查。", HALF),
        "梅岭社区2023年一季度工作总结", "梅岭社区", 2023, "Q1",
    )
    yield Case(
        "period: 1-6月份 in a 汇报",
        "x.txt",
        _doc("竹溪村2022年1-6月份工作情况汇报", "今年以来，竹溪村在镇党委的领导下，抓党建、促发展，各项工作有序推进。", FARM),
        "竹溪村2022年1-6月份工作情况汇报", "竹溪村", 2022, "H1",
    )
    yield Case(
        "period: 前三季度 is no period",
        "x.txt",
        _doc("白沙社区2023年前三季度工作总结", "今年以来，白沙社区紧紧围绕年初目标，扎实推进各项工作。", ORDER),
        "白沙社区2023年前三季度工作总结", "白沙社区", 2023, None,
    )
    yield Case(
        "period: 全年 in the opening of a title without one",
        "x.txt",
        _doc("杉木塘社区工作总结", "回顾2023年全年工作，杉木塘社区在街道党工委的领导下，各项工作稳中有进。", ORDER),
        "杉木塘社区工作总结", "杉木塘社区", 2023, "year",
    )
    yield Case(
        "period: a secretary's 年度述职报告",
        "x.txt",
        _doc("梅岭社区党委书记2023年度述职报告", "各位领导、同志们：", "2023年，我在街道党工委的领导下，认真履行党建第一责任人职责。", PARTY),
        "梅岭社区党委书记2023年度述职报告", "梅岭社区", 2023, "year",
    )
    yield Case(
        "period: a 任期 over several years gives the last year, no period",
        "x.txt",
        _doc("竹溪村两委2021—2023年任期工作总结", "本届村两委自2021年换届以来，团结带领全村群众，各项事业取得长足进步。", FARM),
        "竹溪村两委2021—2023年任期工作总结", "竹溪村", 2023, None,
    )
    yield Case(
        "period: 近三年 gives the closing year, no period",
        "x.txt",
        _doc("梅岭社区近三年工作总结", "近三年来，梅岭社区坚持党建引领，社区治理能力不断增强。", ORDER, "梅岭社区居委会", "2023年12月"),
        "梅岭社区近三年工作总结", "梅岭社区", 2023, None,
    )
    yield Case(
        "period: 下半年",
        "x.txt",
        _doc("银湖湾社区2022年下半年工作总结", "下半年，银湖湾社区紧盯年度目标，扎实做好疫情防控和民生服务。", HALF),
        "银湖湾社区2022年下半年工作总结", "银湖湾社区", 2022, "H2",
    )
    yield Case(
        "period: 7—12月 is the second half",
        "x.txt",
        _doc("柚子坪村2023年7—12月工作总结", "7月以来，柚子坪村认真落实乡党委部署，各项工作稳步推进。", FARM),
        "柚子坪村2023年7—12月工作总结", "柚子坪村", 2023, "H2",
    )
    yield Case(
        "period: 四季度 in a 汇报",
        "x.txt",
        _doc("白沙社区2022年四季度工作汇报", "四季度以来，白沙社区认真做好冬季安全生产和困难群众帮扶工作。", ORDER),
        "白沙社区2022年四季度工作汇报", "白沙社区", 2022, "Q4",
    )
    yield Case(
        "period: 上半年 only in the opening, the year in the closing date",
        "x.txt",
        _doc("工作总结", "今年上半年，梅岭社区在街道党工委的正确领导下，较好地完成了各项工作任务。", HALF, "梅岭社区", "2023年7月3日"),
        "工作总结", "梅岭社区", 2023, "H1",
    )
    yield Case(
        "period: a 专项 summary with its year is the year's",
        "x.txt",
        _doc("杉木塘社区2023年禁毒专项工作总结", "今年以来，杉木塘社区把禁毒工作摆在重要位置，广泛开展宣传教育。", ORDER),
        "杉木塘社区2023年禁毒专项工作总结", "杉木塘社区", 2023, "year",
    )
    yield Case(
        "period: 半年总结",
        "x.txt",
        _doc("荷花池村2023年半年总结", "半年来，荷花池村围绕乡党委工作部署，抓重点、补短板，各项工作有序开展。", FARM),
        "荷花池村2023年半年总结", "荷花池村", 2023, "H1",
    )
    # ---- masked names stay unknown
    yield Case(
        "masked: full-width ＸＸ社区",
        "x.txt",
        _doc("ＸＸ社区2023年工作总结", "一年来，ＸＸ社区在街道党工委的领导下，各项工作有序推进。", ORDER),
        "ＸＸ社区2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "masked: ○○村",
        "x.txt",
        _doc("○○村2022年上半年工作总结", "上半年，○○村两委在镇党委的领导下，扎实推进各项工作。", FARM),
        "○○村2022年上半年工作总结", None, 2022, "H1",
    )
    yield Case(
        "masked: 某某社区",
        "x.txt",
        _doc("某某社区2023年度工作报告", "2023年，某某社区紧紧围绕街道中心工作，认真履职尽责。", ORDER),
        "某某社区2023年度工作报告", None, 2023, "year",
    )
    yield Case(
        "masked: ×××村村民委员会 signing a report that says 本村",
        "x.txt",
        _doc("村委会工作总结", "一年来，本村在镇党委的领导下，团结协作，开拓进取。", FARM, "×××村村民委员会", "2022年12月26日"),
        "村委会工作总结", None, 2022, "year",
    )
    yield Case(
        "masked: XX镇XX村",
        "x.txt",
        _doc("XX镇XX村2023年工作总结", "2023年，我村在镇党委、政府的正确领导下，各项工作取得新进展。", FARM),
        "XX镇XX村2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "masked: underscores before 社区",
        "x.txt",
        _doc("____社区2023年工作总结", "一年来，社区居委会认真履职，服务居民，各项工作取得新成效。", ORDER),
        "____社区2023年工作总结", None, 2023, "year",
    )
    # ---- a 镇/街道/乡 (or its party committee) before the name
    yield Case(
        "prefix: 镇 before 村委会 in the title",
        "x.txt",
        _doc("石门镇竹溪村村委会2022年度工作报告", "各位村民代表：", "2022年，村委会在镇党委的领导下，团结带领全村群众，较好完成了年度目标。", FARM),
        "石门镇竹溪村村委会2022年度工作报告", "竹溪村", 2022, "year",
    )
    yield Case(
        "prefix: 中共…街道…社区委员会 signing",
        "x.txt",
        _doc("党建工作总结", "一年来，社区党委坚持以党建引领基层治理，不断加强党员教育管理。", PARTY, "中共白沙洲街道梅岭社区委员会", "2023年12月28日"),
        "党建工作总结", "梅岭社区", 2023, "year",
    )
    yield Case(
        "prefix: 乡 before the village in the opening",
        "x.txt",
        _doc("2023年工作总结", "沙河乡柚子坪村位于乡政府东侧，全村共有村民小组8个。一年来，村两委带领群众发展特色产业，取得较好成效。", FARM),
        "2023年工作总结", "柚子坪村", 2023, "year",
    )
    yield Case(
        "prefix: a district and a street before 社区居委会",
        "x.txt",
        _doc("XX区白沙洲街道银湖湾社区居委会2023年工作总结", "一年来，银湖湾社区居委会在街道党工委的领导下，各项工作扎实推进。", ORDER),
        "XX区白沙洲街道银湖湾社区居委会2023年工作总结", "银湖湾社区", 2023, "year",
    )
    yield Case(
        "prefix: 驻…村 first secretary reports on the village",
        "x.txt",
        _doc("驻竹溪村第一书记2023年度述职报告", "2023年，我按照组织安排驻竹溪村任第一书记，与村两委一道抓党建、促发展。", FARM),
        "驻竹溪村第一书记2023年度述职报告", "竹溪村", 2023, "year",
    )
    # ---- look-alikes ending in 社区/村: verb, number and theme phrases
    yield Case(
        "look_alike: 下沉社区 is a verb phrase",
        "x.txt",
        _doc("机关党员下沉社区工作总结", "一年来，机关党员干部下沉社区，参与疫情防控、环境整治等志愿服务。", ORDER, "2023年12月"),
        "机关党员下沉社区工作总结", None, 2023, "year",
    )
    yield Case(
        "look_alike: 进社区 in a slogan title, the community signs",
        "x.txt",
        _doc(
            "服务进社区 温暖送万家——2023年志愿服务活动总结", "一年来，我社区志愿者队伍不断壮大，志愿服务常态化开展。", HALF,
            "银湖湾社区居委会", "2023年12月20日",
        ),
        "服务进社区 温暖送万家——2023年志愿服务活动总结", "银湖湾社区", 2023, "year",
    )
    yield Case(
        "look_alike: 创建文明社区 as a theme, the community signs",
        "x.txt",
        _doc(
            "创建全国文明社区工作总结", "一年来，我们以创建文明社区为抓手，大力推进社区环境和秩序整治。", ORDER,
            "杉木塘社区居委会", "2023年11月30日",
        ),
        "创建全国文明社区工作总结", "杉木塘社区", 2023, "year",
    )
    yield Case(
        "look_alike: 村级 and 全村 name no village",
        "x.txt",
        _doc("2023年村级工作总结", "一年来，全村上下在镇党委的正确领导下，凝心聚力，扎实工作。", FARM),
        "2023年村级工作总结", None, 2023, "year",
    )
    yield Case(
        "look_alike: 平安社区 as a slogan, the name in the opening",
        "x.txt",
        _doc("打造平安社区 建设和谐家园", "2023年，枫树湾社区以平安建设为主线，不断提升居民的安全感和满意度。", ORDER),
        "打造平安社区 建设和谐家园", "枫树湾社区", 2023, "year",
    )
    yield Case(
        "look_alike: 农村 in a title, the village signs",
        "x.txt",
        _doc("2022年农村人居环境整治工作总结", "今年以来，我村按照乡党委的统一部署，扎实开展人居环境整治。", FARM, "柚子坪村", "2022年12月15日"),
        "2022年农村人居环境整治工作总结", "柚子坪村", 2022, "year",
    )
    yield Case(
        "look_alike: 驻村 and 各村民小组 name no village",
        "x.txt",
        _doc("2023年驻村工作总结", "驻村以来，工作队深入各村民小组走访农户，摸清底数，帮助解决实际困难。", FARM),
        "2023年驻村工作总结", None, 2023, "year",
    )
    # ---- other kinds of unit
    yield Case(
        "unit_kind: a 乡's half-year report",
        "x.txt",
        _doc("沙河乡2023年上半年工作总结", "上半年，沙河乡在县委、县政府的坚强领导下，经济社会保持平稳发展。", TOWN),
        "沙河乡2023年上半年工作总结", None, 2023, "H1",
    )
    yield Case(
        "unit_kind: a 镇 government's report naming its villages",
        "x.txt",
        _doc("石门镇人民政府2022年工作总结", "2022年，石门镇全面落实县委、县政府决策部署，各项事业取得新成效。", TOWN),
        "石门镇人民政府2022年工作总结", None, 2022, "year",
    )
    yield Case(
        "unit_kind: a 居委会 keeps its name",
        "x.txt",
        _doc("梅岭居委会2023年工作总结", "一年来，梅岭居委会紧紧围绕街道工作重点，认真服务辖区居民。", ORDER),
        "梅岭居委会2023年工作总结", "梅岭居委会", 2023, "year",
    )
    yield Case(
        "unit_kind: a village's 党支部 in the title",
        "x.txt",
        _doc("石桥村党支部2023年度党建工作总结", "一年来，石桥村党支部认真落实“三会一课”制度，党员队伍建设不断加强。", PARTY),
        "石桥村党支部2023年度党建工作总结", "石桥村", 2023, "year",
    )
    yield Case(
        "unit_kind: a 街道 report, its communities in the body",
        "x.txt",
        _doc("白沙洲街道2023年工作总结", "2023年，白沙洲街道在区委、区政府的领导下，统筹推进辖区各项工作。梅岭社区、银湖湾社区完成老旧小区改造，梅岭社区获评市级文明社区。", ORDER),
        "白沙洲街道2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "unit_kind: traditional script in the title",
        "x.txt",
        _doc("梅嶺社區2023年工作總結", "一年來，梅嶺社區在街道黨工委的領導下，各項工作穩步推進。", ORDER),
        "梅嶺社區2023年工作總結", "梅岭社区", 2023, "year",
    )


def _second_batch() -> Iterator[Case]:
    """Written after the first run (its failures unread by this batch's writer's expectations: each
    expectation fixed from SPEC + GUIDELINES before this batch first ran)."""
    # ---- subtitles, dates and fields under the title
    yield Case(
        "under_title: a meeting subtitle with the next year's date",
        "x.txt",
        _doc("梅岭社区居委会工作报告", "——在2024年1月居民代表大会上", "各位代表：", "2023年，梅岭社区居委会在街道党工委的领导下，认真履行职责。", ORDER),
        "梅岭社区居委会工作报告", "梅岭社区", 2023, "year",
    )
    yield Case(
        "under_title: a 时间： line under a title without a year",
        "x.txt",
        _doc("解放路社区工作总结", "时间：2023年12月28日", "一年来，解放路社区紧紧围绕街道中心工作，各项任务圆满完成。", ORDER),
        "解放路社区工作总结", "解放路社区", 2023, "year",
    )
    yield Case(
        "under_title: a category line with a posting date and views",
        "x.txt",
        _doc("首页 | 范文 | 工作总结", "社区工作总结 2023-12-29 阅读(356)", "桂花里社区2023年工作总结", "一年来，桂花里社区坚持党建引领，扎实推进各项工作。", ORDER),
        "桂花里社区2023年工作总结", "桂花里社区", 2023, "year",
    )
    # ---- closing dates written by hand
    yield Case(
        "closing_year: 廿 for the day",
        "x.txt",
        _doc("工作总结", "一年来，我社区在街道党工委的领导下，较好完成了各项工作。", ORDER, "东风街社区居委会", "二〇二三年十二月廿八日"),
        "工作总结", "东风街社区", 2023, "year",
    )
    yield Case(
        "closing_year: a letter O for the zero",
        "x.txt",
        _doc("工作总结", "一年来，本村两委团结带领全村群众，各项工作取得新成效。", FARM, "王家湾村村民委员会", "二O二二年十二月"),
        "工作总结", "王家湾村", 2022, "year",
    )
    yield Case(
        "closing_year: a blank day in the date",
        "x.txt",
        _doc("工作总结", "一年来，我社区全体工作人员团结协作，圆满完成了各项目标任务。", ORDER, "南门外社区", "2023年12月  日"),
        "工作总结", "南门外社区", 2023, "year",
    )
    yield Case(
        "closing_year: a December year-end date, the summary's own year",
        "x.txt",
        _doc("李家庄村年终工作总结", "2023年即将过去，回顾一年来的工作，我村在镇党委的领导下取得了一定成绩。", FARM, "李家庄村委会", "2023年12月30日"),
        "李家庄村年终工作总结", "李家庄村", 2023, "year",
    )
    # ---- file names and folders
    yield Case(
        "file_name: a bare year after the name",
        "files/社区工作总结2023.docx",
        _doc("社区工作总结", "一年来，我社区在街道党工委的领导下，各项工作有序推进。", ORDER),
        "社区工作总结", None, 2023, "year",
    )
    yield Case(
        "file_name: 上半年 and a site tag 【精选】 in the name",
        "2023年上半年社区工作总结【精选】.docx",
        _doc("社区工作总结", "今年以来，社区居委会紧紧围绕街道中心工作，扎实推进各项任务。", HALF),
        "社区工作总结", None, 2023, "H1",
    )
    yield Case(
        "file_name: the community's folder",
        "梅岭社区/2023年工作总结.docx",
        _doc("工作总结", "一年来，我社区在街道党工委的正确领导下，认真履职，服务居民。", ORDER),
        "工作总结", "梅岭社区", 2023, "year",
    )
    yield Case(
        "file_name: the title's year wins over the name's",
        "2023年工作总结(1).docx",
        _doc("竹溪村2022年工作总结", "2022年，竹溪村两委班子团结协作，较好完成了年度各项目标。", FARM),
        "竹溪村2022年工作总结", "竹溪村", 2022, "year",
    )
    yield Case(
        "file_name: 副本 and a dash in the name",
        "2022-社区工作总结 - 副本.docx",
        _doc("社区工作总结", "一年来，社区两委班子带领全体工作人员，扎实推进各项工作。", ORDER),
        "社区工作总结", None, 2022, "year",
    )
    # ---- masks
    yield Case(
        "masked: a single X",
        "x.txt",
        _doc("X社区2023年上半年工作总结", "上半年，X社区在街道党工委的领导下，扎实推进各项工作。", HALF),
        "X社区2023年上半年工作总结", None, 2023, "H1",
    )
    yield Case(
        "masked: boxes □□村",
        "x.txt",
        _doc("□□村2023年工作总结", "2023年，□□村两委在镇党委的领导下，认真落实各项惠民政策。", FARM),
        "□□村2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "masked: 某村 in the opening and signature",
        "x.txt",
        _doc("村级年度工作总结", "一年来，某村在镇党委的正确领导下，各项工作取得明显成效。", FARM, "某村村民委员会", "2022年12月"),
        "村级年度工作总结", None, 2022, "year",
    )
    yield Case(
        "masked: lower-case xx村委会 signing",
        "x.txt",
        _doc("工作总结", "一年来，本村两委班子团结带领群众，扎实推进乡村振兴。", FARM, "xx村委会", "2023年12月26日"),
        "工作总结", None, 2023, "year",
    )
    # ---- look-alikes
    yield Case(
        "look_alike: 一村一品 is a number phrase",
        "x.txt",
        _doc("2023年一村一品工作总结", "一年来，我镇按照一村一品的思路，大力发展特色种植。", TOWN),
        "2023年一村一品工作总结", None, 2023, "year",
    )
    yield Case(
        "look_alike: 党员回社区报到",
        "x.txt",
        _doc("2023年在职党员回社区报到工作总结", "一年来，我社区共接收在职党员报到86名，组织开展志愿服务活动32次。", ORDER, "桂花里社区党委", "2023年12月"),
        "2023年在职党员回社区报到工作总结", "桂花里社区", 2023, "year",
    )
    yield Case(
        "look_alike: 包村 and 进村入户",
        "x.txt",
        _doc("包村干部2023年工作总结", "一年来，本人坚持进村入户，了解群众需求，协助村两委开展各项工作。", FARM),
        "包村干部2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "look_alike: 创建省级卫生村, the village named in the opening",
        "x.txt",
        _doc("创建省级卫生村工作总结", "2023年，石桥村以创建省级卫生村为契机，全面开展环境卫生整治。", FARM),
        "创建省级卫生村工作总结", "石桥村", 2023, "year",
    )
    yield Case(
        "look_alike: a 小区's party branch is no reporting unit",
        "x.txt",
        _doc("银湖湾小区党支部2023年工作总结", "一年来，小区党支部团结带领小区党员，积极参与小区治理。", PARTY),
        "银湖湾小区党支部2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "look_alike: 社区党委 with no name signing",
        "x.txt",
        _doc("社区党建工作总结", "一年来，社区党委坚持党建引领，不断夯实基层基础。", PARTY, "社区党委", "2023年12月25日"),
        "社区党建工作总结", None, 2023, "year",
    )
    # ---- names
    yield Case(
        "name: a village named 新村 keeps its 村村委会",
        "x.txt",
        _doc("杨新村村委会2023年工作总结", "一年来，杨新村村委会紧紧围绕镇党委部署，扎实推进各项工作。", FARM),
        "杨新村村委会2023年工作总结", "杨新村", 2023, "year",
    )
    yield Case(
        "name: a 村社区 is a community",
        "x.txt",
        _doc("石桥村社区2023年工作总结", "一年来，石桥村社区在街道党工委的领导下，各项工作稳步推进。", ORDER),
        "石桥村社区2023年工作总结", "石桥村社区", 2023, "year",
    )
    yield Case(
        "name: 两委 of a community in the title",
        "x.txt",
        _doc("东风街社区两委2023年工作总结", "一年来，社区两委班子团结协作，认真履职。", ORDER),
        "东风街社区两委2023年工作总结", "东风街社区", 2023, "year",
    )
    yield Case(
        "name: a 妇联 of a village",
        "x.txt",
        _doc("王家湾村妇联2023年工作总结", "一年来，村妇联围绕中心、服务大局，团结带领广大妇女建功立业。", FARM),
        "王家湾村妇联2023年工作总结", "王家湾村", 2023, "year",
    )
    yield Case(
        "name: a 村支两委 signing with both bodies",
        "x.txt",
        _doc("年度工作总结", "一年来，在镇党委的坚强领导下，我村各项工作取得了新进展。", FARM, "中共李家庄村支部委员会  李家庄村村民委员会", "2023年12月28日"),
        "年度工作总结", "李家庄村", 2023, "year",
    )
    yield Case(
        "name: a grid worker's own report names the community",
        "x.txt",
        _doc("2023年网格员个人工作总结", "我是桂花里社区第五网格的网格员。一年来，我认真履行网格员职责，较好完成了各项工作。", ORDER),
        "2023年网格员个人工作总结", "桂花里社区", 2023, "year",
    )
    yield Case(
        "name: a village head's 述职 naming the village in the body",
        "x.txt",
        _doc("2023年度个人述职报告", "本人自2021年起担任石桥村村委会主任，现将一年来的履职情况报告如下。", FARM),
        "2023年度个人述职报告", "石桥村", 2023, "year",
    )
    # ---- periods from the opening
    yield Case(
        "opening_period: 1至6月 in a report's first clause",
        "x.txt",
        _doc("解放路社区工作汇报", "2023年1至6月，解放路社区在街道党工委的领导下，各项工作稳步推进。", HALF),
        "解放路社区工作汇报", "解放路社区", 2023, "H1",
    )
    yield Case(
        "opening_period: 今年一季度 under a generic 汇报",
        "x.txt",
        _doc("工作汇报", "今年一季度，东风街社区紧紧围绕街道中心工作，扎实开展各项工作。", HALF, "东风街社区", "2023年3月30日"),
        "工作汇报", "东风街社区", 2023, "Q1",
    )
    yield Case(
        "period: 一至三月份",
        "x.txt",
        _doc("南门外社区2023年一至三月份工作总结", "一季度，南门外社区扎实开展春节走访慰问和安全隐患排查。", HALF),
        "南门外社区2023年一至三月份工作总结", "南门外社区", 2023, "Q1",
    )
    yield Case(
        "period: 十一月份 is no period",
        "x.txt",
        _doc("桂花里社区十一月份工作总结", "11月份，桂花里社区重点做好冬季消防安全检查和困难群众走访。", HALF, "桂花里社区", "2023年11月30日"),
        "桂花里社区十一月份工作总结", "桂花里社区", 2023, None,
    )
    yield Case(
        "period: 工作要点 is a year's plan",
        "x.txt",
        _doc("王家湾村2024年工作要点", "2024年，王家湾村工作的总体思路是：以党建为引领，以产业为支撑。", PLAN),
        "王家湾村2024年工作要点", "王家湾村", 2024, "year",
    )
    yield Case(
        "period: 第二季度 of a street",
        "x.txt",
        _doc("白沙洲街道2023年第二季度工作汇报", "二季度以来，白沙洲街道统筹推进疫情防控和经济发展。梅岭社区、桂花里社区完成改造。", TOWN),
        "白沙洲街道2023年第二季度工作汇报", None, 2023, "Q2",
    )


LONG = (
    "一、党建工作\n全年召开党员大会6次，组织党员参加志愿服务120人次。6月15日，社区组织党员赴红色教育基地参观学习。\n"
    "二、民生服务\n协助银杏社区开展联合义诊2次，为辖区80岁以上老人发放高龄津贴3.2万元，较2022年增长8%。\n"
    "三、平安建设\n全年排查安全隐患56处，整改56处，调解矛盾纠纷18起。\n"
)


def _third_batch() -> Iterator[Case]:
    """Written after the fixes for the first two batches, as a held-out check of them: new wordings,
    longer bodies that name other units, other years and dates, and pages that go on after the
    signature. Expectations fixed from SPEC + GUIDELINES before this batch first ran."""
    yield Case(
        "held_out: 全区 first, 我社区 after, the community signs",
        "x.txt",
        _doc("工作总结", "2023年，全区上下深入贯彻落实区委各项部署。我社区在街道党工委的领导下，凝心聚力，较好完成了全年各项任务。", LONG, "荷塘社区居委会", "2023年12月27日"),
        "工作总结", "荷塘社区", 2023, "year",
    )
    yield Case(
        "held_out: 特此报告 and an attachment line after the signature",
        "x.txt",
        _doc("上半年工作情况报告", "镇党委、镇政府：", "今年上半年，我村在镇党委、政府的正确领导下，各项工作有序推进。现将有关情况报告如下。", FARM, "特此报告。", "柳岸村村民委员会", "2023年7月10日", "附件：上半年工作台账"),
        "上半年工作情况报告", "柳岸村", 2023, "H1",
    )
    yield Case(
        "held_out: a site's related links after the signature",
        "x.txt",
        _doc("社区工作总结", "一年来，我社区紧紧围绕街道党工委的工作部署，扎实推进各项工作。", LONG, "青松社区", "2022年12月30日", "相关推荐：", "社区2022年工作计划", "社区党建工作总结范文"),
        "社区工作总结", "青松社区", 2022, "year",
    )
    yield Case(
        "held_out: 关于…的总结 naming a town's village",
        "x.txt",
        _doc("关于石门镇白鹭村2023年度脱贫攻坚成果巩固工作的总结", "2023年，白鹭村认真落实“四个不摘”要求，持续巩固脱贫攻坚成果。", FARM),
        "关于石门镇白鹭村2023年度脱贫攻坚成果巩固工作的总结", "白鹭村", 2023, "year",
    )
    yield Case(
        "held_out: a 届 report of a 居委会 over three years, the closing year",
        "x.txt",
        _doc("第九届梅园居委会工作报告", "各位居民代表：", "三年来，在街道党工委的正确领导下，本届居委会团结带领广大居民，各项工作取得明显成效。", ORDER, "梅园居委会", "2021年6月"),
        "第九届梅园居委会工作报告", "梅园居委会", 2021, None,
    )
    yield Case(
        "held_out: 村务公开, the year in the opening, the village signs",
        "x.txt",
        _doc("村务公开工作总结", "2022年，我村严格按照上级要求，认真做好村务公开和民主管理工作。", FARM, "红岩村村委会", "2022年12月"),
        "村务公开工作总结", "红岩村", 2022, "year",
    )
    yield Case(
        "held_out: 第三季度 only in the opening",
        "x.txt",
        _doc("工作汇报", "第三季度，我社区在街道党工委的领导下，重点抓好汛期安全和环境整治工作。", HALF, "金桥社区", "2023年9月28日"),
        "工作汇报", "金桥社区", 2023, "Q3",
    )
    yield Case(
        "held_out: 下半年以来 in the opening",
        "x.txt",
        _doc("社区工作总结", "下半年以来，我社区紧紧围绕年度目标任务，扎实推进各项工作。", HALF, "金桥社区居委会", "2023年12月26日"),
        "社区工作总结", "金桥社区", 2023, "H2",
    )
    yield Case(
        "held_out: full-width asterisks ＊＊村",
        "x.txt",
        _doc("＊＊村2023年度工作总结", "2023年，＊＊村两委团结带领全村群众，扎实推进乡村振兴。", FARM),
        "＊＊村2023年度工作总结", None, 2023, "year",
    )
    yield Case(
        "held_out: 某某社区居委会 signing",
        "x.txt",
        _doc("社区工作总结", "一年来，我社区在街道党工委的领导下，认真履职，服务居民。", ORDER, "某某社区居委会", "2023年12月"),
        "社区工作总结", None, 2023, "year",
    )
    yield Case(
        "held_out: a 村民小组 of a village reports",
        "x.txt",
        _doc("柳岸村第三村民小组2023年工作总结", "一年来，第三村民小组在村两委的领导下，团结协作，较好完成了各项工作。", FARM),
        "柳岸村第三村民小组2023年工作总结", "柳岸村", 2023, "year",
    )
    yield Case(
        "held_out: 十个村 in a town's title",
        "x.txt",
        _doc("石门镇2023年十个村集体经济发展情况汇报", "2023年，我镇把发展壮大村集体经济作为乡村振兴的重要抓手。", TOWN),
        "石门镇2023年十个村集体经济发展情况汇报", None, 2023, "year",
    )
    yield Case(
        "held_out: 城乡社区 in the title, the community signs",
        "x.txt",
        _doc("2023年城乡社区治理工作总结", "一年来，我社区以城乡社区治理试点为契机，探索居民自治新路径。", ORDER, "金桥社区", "2023年12月22日"),
        "2023年城乡社区治理工作总结", "金桥社区", 2023, "year",
    )
    yield Case(
        "held_out: 街道办事处 before the community in the title",
        "x.txt",
        _doc("白沙洲街道办事处梅园社区2023年工作总结", "一年来，梅园社区在街道党工委的领导下，各项工作取得新进展。", ORDER),
        "白沙洲街道办事处梅园社区2023年工作总结", "梅园社区", 2023, "year",
    )
    yield Case(
        "held_out: 县, 镇 and 村 in the title",
        "x.txt",
        _doc("青阳县石门镇白鹭村2022年工作总结", "2022年，白鹭村在镇党委的领导下，扎实推进产业发展和人居环境整治。", FARM),
        "青阳县石门镇白鹭村2022年工作总结", "白鹭村", 2022, "year",
    )
    yield Case(
        "held_out: 关于…上半年工作开展情况的报告",
        "x.txt",
        _doc("关于金桥社区2023年上半年工作开展情况的报告", "上半年，金桥社区在街道党工委的正确领导下，各项工作稳步推进。", HALF),
        "关于金桥社区2023年上半年工作开展情况的报告", "金桥社区", 2023, "H1",
    )
    yield Case(
        "held_out: a date in brackets after the title",
        "x.txt",
        _doc("金桥社区工作总结（2023年12月）", "一年来，金桥社区紧紧围绕街道中心工作，扎实推进各项任务。", LONG),
        "金桥社区工作总结（2023年12月）", "金桥社区", 2023, "year",
    )
    yield Case(
        "held_out: a secretary's 述职 named by the file, the tenure's start in the opening",
        "述职/2022年度述职报告(村支书).docx",
        _doc("述职报告", "本人自2019年担任红岩村党支部书记以来，始终坚持以党建为引领，带领村两委班子真抓实干。", FARM),
        "述职报告", "红岩村", 2022, "year",
    )
    yield Case(
        "held_out: dates in the body, none at the end",
        "x.txt",
        _doc("社区工作总结", "今年以来，金桥社区在街道党工委的领导下，扎实推进各项工作。", LONG),
        "社区工作总结", "金桥社区", None, "year",
    )
    yield Case(
        "held_out: 1-10月 makes no period",
        "x.txt",
        _doc("金桥社区2023年1-10月工作汇报", "今年以来，金桥社区紧紧围绕年度目标，扎实推进各项工作。", HALF),
        "金桥社区2023年1-10月工作汇报", "金桥社区", 2023, None,
    )
    yield Case(
        "held_out: a plan with a Chinese-numeral year",
        "x.txt",
        _doc("柳岸村二〇二四年工作计划", "二〇二四年，柳岸村将紧紧围绕乡村振兴总要求，重点抓好以下工作。", PLAN),
        "柳岸村二〇二四年工作计划", "柳岸村", 2024, "year",
    )
    yield Case(
        "held_out: 下一年度 plan signed in December",
        "x.txt",
        _doc("金桥社区下一年度工作计划", "为做好下一年度社区各项工作，结合社区实际，特制定本计划。", PLAN, "金桥社区居委会", "2023年12月20日"),
        "金桥社区下一年度工作计划", "金桥社区", 2024, "year",
    )
    yield Case(
        "held_out: a masked year after a named community",
        "x.txt",
        _doc("梅园社区20XX年工作总结", "20XX年，梅园社区在街道党工委的领导下，各项工作有序推进。", ORDER),
        "梅园社区20XX年工作总结", "梅园社区", None, "year",
    )
    yield Case(
        "held_out: 执笔人 between the unit and the date",
        "x.txt",
        _doc("社区工作总结", "一年来，我社区认真落实街道各项部署，社区治理水平不断提高。", LONG, "金桥社区居委会", "执笔人：王某", "2023年12月28日"),
        "社区工作总结", "金桥社区", 2023, "year",
    )
    yield Case(
        "held_out: 我们村 with the village only in the folder",
        "白鹭村/工作总结.docx",
        _doc("工作总结", "一年来，我们村在镇党委的领导下，干群齐心，各项工作取得了新成效。", FARM),
        "工作总结", "白鹭村", None, "year",
    )
    yield Case(
        "held_out: a traditional village committee signing",
        "x.txt",
        _doc("年度工作總結", "一年來，本村在鎮黨委的領導下，各項工作穩步推進。", FARM, "紅岩村村民委員會", "2023年12月28日"),
        "年度工作總結", "红岩村", 2023, "year",
    )
    yield Case(
        "held_out: two communities' joint report names no one community",
        "x.txt",
        _doc("金桥社区、梅园社区2023年联合党建工作总结", "一年来，两个社区党委结对共建，资源共享，共同推进基层治理。", PARTY),
        "金桥社区、梅园社区2023年联合党建工作总结", None, 2023, "year",
    )
    yield Case(
        "held_out: 各社区 in a street's title",
        "x.txt",
        _doc("白沙洲街道各社区2023年工作总结", "2023年，白沙洲街道各社区在街道党工委的领导下，扎实推进各项工作。", ORDER),
        "白沙洲街道各社区2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "held_out: a year-end summary in January under a 年度 title",
        "x.txt",
        _doc("金桥社区2023年度工作总结", "一年来，金桥社区紧紧围绕年初目标，扎实推进各项工作。", LONG, "金桥社区居委会", "2024年1月5日"),
        "金桥社区2023年度工作总结", "金桥社区", 2023, "year",
    )
    yield Case(
        "held_out: 2023年是…之年 opening a year's summary",
        "x.txt",
        _doc("工作总结", "2023年是我村落实五年发展规划的攻坚之年，也是村集体经济提质增效的关键一年。", FARM, "白鹭村", "2023年12月"),
        "工作总结", "白鹭村", 2023, "year",
    )
    yield Case(
        "held_out: the title on line 3 under a site's name and a source line",
        "x.txt",
        _doc("工作总结之家", "来源：网络整理", "柳岸村2023年上半年工作总结", "上半年，柳岸村两委班子团结带领群众，扎实推进各项重点工作。", FARM),
        "柳岸村2023年上半年工作总结", "柳岸村", 2023, "H1",
    )
    yield Case(
        "held_out: a bare year in brackets after the title",
        "x.txt",
        _doc("金桥社区工作总结（2023）", "一年来，金桥社区在街道党工委的领导下，各项工作取得新成效。", ORDER),
        "金桥社区工作总结（2023）", "金桥社区", 2023, "year",
    )
    yield Case(
        "held_out: a town's party committee and government sign",
        "x.txt",
        _doc("2023年工作总结", "一年来，全镇上下在县委、县政府的坚强领导下，经济社会保持平稳健康发展。", TOWN, "中共石门镇委员会", "石门镇人民政府", "2023年12月"),
        "2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "held_out: 我乡 naming its villages, the township signs",
        "x.txt",
        _doc("上半年工作总结", "今年以来，我乡在县委、县政府的正确领导下，红岩村、白鹭村等村集体经济实现新突破。", TOWN, "沙河乡人民政府", "2023年7月5日"),
        "上半年工作总结", None, 2023, "H1",
    )


def _fourth_batch() -> Iterator[Case]:
    """Web-page excerpts as the shared corpus's real documents come (corpus/README.md): a sharing
    site's collection wrapper and its editor's note, traditional script with pinyin junk, chrome
    lines, paywall and word-count notes, flattened pages, excerpts cut mid-sentence or starting at a
    later section. Written after the third batch; expectations fixed before its first run."""
    yield Case(
        "page: a collection wrapper, its editor's note, 篇1 and an excerpt cut mid-sentence",
        "x.txt",
        _doc(
            "社区换届选举工作总结（通用12篇）", "总结是对过去一段时间工作的回顾，下面是小编为大家整理的社区换届选举工作总结，欢迎阅读。",
            "篇1：社区换届选举工作总结", "根据区委、区政府的统一部署，我社区于今年3月顺利完成了第八届居委会换届选举工作，选出居委会成员5名，居民",
        ),
        "社区换届选举工作总结", None, None, None,
    )
    yield Case(
        "page: traditional script with pinyin junk in the title",
        "x.txt",
        _doc("2022年社區(qū)消防安全工作總結(jié)", "一年來，我們社區(qū)在街道黨工委的領(lǐng)導(dǎo)下，認真做好消防安全宣傳和隱患排查工作，共開展消防演練4次。"),
        "2022年社區(qū)消防安全工作總結(jié)", None, 2022, "year",
    )
    yield Case(
        "page: pinyin junk after a named community",
        "x.txt",
        _doc("楓林灣社區(qū)2021年上半年工作總結(jié)", "上半年，楓林灣社區(qū)在街道黨工委的正確領(lǐng)導(dǎo)下，各項工作穩步推進，共走訪困難家庭36戶。"),
        "楓林灣社區(qū)2021年上半年工作總結(jié)", "枫林湾社区", 2021, "H1",
    )
    yield Case(
        "page: a paywall note closing a township's excerpt",
        "x.txt",
        _doc(
            "2021年上半年民政工作总结", "今年以来，我乡民政工作在县民政局和乡党委、政府的领导下，认真落实各项惠民政策，共发放救助资金26.5万元。",
            "（全文未完，共1320字，此处仅显示前520字）", "（阅读全文请先查看页面下方说明）",
        ),
        "2021年上半年民政工作总结", None, 2021, "H1",
    )
    yield Case(
        "page: a document store's size line and disclaimers",
        "x.txt",
        _doc(
            "社区垃圾分类工作总结", "文档大小：12.5 KB 页数：2页", "桂园社区开展垃圾分类试点以来，坚持宣传发动与设施建设并重，居民参与率不断提高。",
            "1.本站所有文档均为用户上传，仅供学习参考。", "2.如有侵权，请联系客服删除。",
        ),
        "社区垃圾分类工作总结", "桂园社区", None, None,
    )
    yield Case(
        "page: a word count on its own line under the title",
        "x.txt",
        _doc("**村2020年乡村振兴工作总结", "[此文共1830字]", "2020年，我村在镇党委、政府的坚强领导下，紧紧围绕乡村振兴战略总要求，扎实推进各项工作。"),
        "**村2020年乡村振兴工作总结", None, 2020, "year",
    )
    yield Case(
        "page: flattened, the title and body on one line",
        "x.txt",
        _doc("柳溪社区2020年工作总结 一年来，柳溪社区在街道党工委的正确领导下，紧紧围绕年初制定的目标任务，扎实推进各项工作，取得了较好成效。一、党建工作 全年召开党员大会4次，开展主题党日活动12次。二、民生服务 走访困难家庭36户。"),
        "柳溪社区2020年工作总结", "柳溪社区", 2020, "year",
    )
    yield Case(
        "page: a street's review of its committees with a slogan subtitle",
        "x.txt",
        _doc("白鹭街道2019年各居委工作回顾——携手共建美好家园", "2019年，白鹭街道各居委在街道党工委的领导下，围绕为民服务主线，开展各类活动320余场。"),
        "白鹭街道2019年各居委工作回顾——携手共建美好家园", None, 2019, "year",
    )
    yield Case(
        "page: the title repeated, the community leading the opening",
        "x.txt",
        _doc("社区“大党委”工作总结", "社区“大党委”工作总结", "近年来，柳荫社区坚持以党建引领基层治理，吸纳辖区单位8家加入社区“大党委”，形成了共驻共建的良好格局。"),
        "社区“大党委”工作总结", "柳荫社区", None, None,
    )
    yield Case(
        "page: a government site's breadcrumb and release line",
        "x.txt",
        _doc("首页 > 政务公开 > 工作总结", "白鹭街道办事处2021年工作总结", "发布日期：2022-01-10 来源：白鹭街道 浏览次数：", "2021年，白鹭街道在区委、区政府的坚强领导下，统筹推进经济发展和社会治理。"),
        "白鹭街道办事处2021年工作总结", None, 2021, "year",
    )
    yield Case(
        "page: a masked year, the village acting in traditional script",
        "x.txt",
        _doc("20xx年村委會工作總結(jié)", "20xx年，在鎮黨委的正確領導下，桃源村村委會團結帶領全體村民，各項工作取得了新的成績。"),
        "20xx年村委會工作總結(jié)", "桃源村", None, "year",
    )
    yield Case(
        "page: an excerpt starting at section 二, the name once in the body",
        "x.txt",
        _doc("社区2014年上半年工作总结", "二、加强社区治安", "桂园社区治安巡逻队坚持每晚巡逻，上半年共劝阻不文明行为30余起，辖区未发生一起刑事案件。"),
        "社区2014年上半年工作总结", "桂园社区", 2014, "H1",
    )
    yield Case(
        "page: an update time under a masked-year title",
        "x.txt",
        _doc("20XX年社区上半年工作总结", "更新时间：2022-06-30", "上半年，社区在街道党工委的领导下，紧紧围绕年初目标，扎实推进各项工作。"),
        "20XX年社区上半年工作总结", None, None, "H1",
    )
    yield Case(
        "page: a column name above the article's own title",
        "x.txt",
        _doc("工作总结", "桃源村2023年度工作总结", "2023年，桃源村两委班子团结带领全村群众，攻坚克难，各项工作取得新进展。"),
        "桃源村2023年度工作总结", "桃源村", 2023, "year",
    )


def _fifth_batch() -> Iterator[Case]:
    """Names that look like something else (numerals, 街, 镇, 乡 inside a name), a founding year in the
    opening, a byline under the title, a meeting line after it, a review heading. Written after the
    fourth batch; expectations fixed before its first run."""
    yield Case(
        "name_shape: a village named with numerals (八一村)",
        "x.txt",
        _doc("八一村2023年工作总结", "2023年，八一村在镇党委的领导下，各项工作扎实推进。", FARM),
        "八一村2023年工作总结", "八一村", 2023, "year",
    )
    yield Case(
        "name_shape: 十里村",
        "x.txt",
        _doc("十里村2022年工作总结", "一年来，十里村两委班子团结带领群众，扎实推进乡村振兴。", FARM),
        "十里村2022年工作总结", "十里村", 2022, "year",
    )
    yield Case(
        "name_shape: 街 inside a community's name (东大街社区)",
        "x.txt",
        _doc("东大街社区2023年工作总结", "一年来，东大街社区在街道党工委的领导下，各项工作稳步推进。", ORDER),
        "东大街社区2023年工作总结", "东大街社区", 2023, "year",
    )
    yield Case(
        "name_shape: 镇 inside a community's name (古镇社区)",
        "x.txt",
        _doc("古镇社区2023年工作总结", "一年来，古镇社区紧紧围绕街道中心工作，扎实推进各项任务。", ORDER),
        "古镇社区2023年工作总结", "古镇社区", 2023, "year",
    )
    yield Case(
        "name_shape: 乡 inside a community's name (侨乡社区) signing",
        "x.txt",
        _doc("社区工作总结", "一年来，我社区在街道党工委的领导下，认真履职，服务居民。", ORDER, "侨乡社区居委会", "2023年12月25日"),
        "社区工作总结", "侨乡社区", 2023, "year",
    )
    yield Case(
        "founding_year: 成立于 in the opening is no year reported on",
        "x.txt",
        _doc("社区工作总结", "XX市XX区白鹭街道桂园社区成立于2005年，辖区面积1.2平方公里，共有居民2300户。一年来，社区各项工作稳步推进。", ORDER),
        "社区工作总结", "桂园社区", None, "year",
    )
    yield Case(
        "title_wins: the title's community over another acting in the opening",
        "x.txt",
        _doc("桂园社区2023年工作总结", "一年来，柳荫社区在街道党工委的领导下，各项工作有序推进。", ORDER),
        "桂园社区2023年工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "placed: the community placed in its district and street",
        "x.txt",
        _doc("2023年工作总结", "桂园社区位于青山区白鹭街道东部，辖区面积1.2平方公里。一年来，社区两委班子团结协作，扎实工作。", ORDER),
        "2023年工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "meeting_line: 在…会议上 after the title",
        "x.txt",
        _doc("社区居委会2023年工作报告——在社区居民代表会议上", "各位代表：", "2023年，社区居委会在街道党工委的领导下，认真履行职责。", ORDER),
        "社区居委会2023年工作报告", None, 2023, "year",
    )
    yield Case(
        "byline: the unit on the line under the title",
        "x.txt",
        _doc("2023年工作总结", "桂园社区居委会", "一年来，社区居委会在街道党工委的领导下，认真履职，各项工作取得新成效。", ORDER),
        "2023年工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "quoted_brand: a party brand in quotes, the community acting",
        "x.txt",
        _doc("“红色桂园”党建品牌创建工作总结", "一年来，桂园社区党委围绕“红色桂园”党建品牌创建，不断提升服务群众水平。", PARTY),
        "“红色桂园”党建品牌创建工作总结", "桂园社区", None, "year",
    )
    yield Case(
        "name_shape: “两委” 述职 in the title",
        "x.txt",
        _doc("桂园社区2023年度“两委”述职报告", "各位党员、居民代表：", "2023年，社区“两委”班子在街道党工委的领导下，团结协作，较好完成了各项任务。", PARTY),
        "桂园社区2023年度“两委”述职报告", "桂园社区", 2023, "year",
    )
    yield Case(
        "period: 春节期间 makes no period",
        "x.txt",
        _doc("桂园社区2023年春节期间工作总结", "春节期间，桂园社区精心组织走访慰问和安全检查工作。", HALF),
        "桂园社区2023年春节期间工作总结", "桂园社区", 2023, None,
    )
    yield Case(
        "masked: a named street before a masked community",
        "x.txt",
        _doc("白鹭街道XX社区2023年工作总结", "一年来，XX社区在白鹭街道党工委的领导下，各项工作扎实推进。", ORDER),
        "白鹭街道XX社区2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "opening_period: 1至6月份 in the opening",
        "x.txt",
        _doc("桂园社区工作汇报", "2023年1至6月份，桂园社区在街道党工委的领导下，扎实推进各项工作。", HALF),
        "桂园社区工作汇报", "桂园社区", 2023, "H1",
    )
    yield Case(
        "review_heading: a 社区's report reviewing a named year",
        "x.txt",
        _doc("社区居委会工作报告", "各位代表：", "一、2023年工作回顾", "过去的一年，桂园社区居委会紧紧围绕街道中心工作，认真履职。", "二、2024年工作安排", "计划新建健身广场1处。"),
        "社区居委会工作报告", "桂园社区", 2023, "year",
    )


def _sixth_batch() -> Iterator[Case]:
    """A person's summary, a notice that issues a plan, sub-bodies, a name only in a heading, a
    village's meeting report, attachments and a weekday after the date. Written after the fifth
    batch; expectations fixed before its first run."""
    yield Case(
        "person: a community worker names the community she works in",
        "x.txt",
        _doc("2023年社区工作者个人总结", "我是桂园社区的一名社区工作者。一年来，在社区党委的领导下，我认真履行岗位职责，较好完成了各项工作。", ORDER),
        "2023年社区工作者个人总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "notice: 关于印发《…工作计划》的通知",
        "x.txt",
        _doc("关于印发《桂园社区2024年工作计划》的通知", "各居民小组、网格：", "现将《桂园社区2024年工作计划》印发给你们，请结合实际认真贯彻落实。", PLAN),
        "关于印发《桂园社区2024年工作计划》的通知", "桂园社区", 2024, "year",
    )
    yield Case(
        "period: 上半年度",
        "x.txt",
        _doc("桂园社区2023年上半年度工作总结", "上半年，桂园社区紧紧围绕街道中心工作，扎实推进各项任务。", HALF),
        "桂园社区2023年上半年度工作总结", "桂园社区", 2023, "H1",
    )
    yield Case(
        "period: 全年 summary with next year's plan, the year from the date",
        "x.txt",
        _doc("桂园社区全年工作总结及明年工作计划", "一年来，桂园社区在街道党工委的领导下，各项工作扎实推进。", ORDER, PLAN, "桂园社区居委会", "2023年12月25日"),
        "桂园社区全年工作总结及明年工作计划", "桂园社区", 2023, "year",
    )
    yield Case(
        "street: 社区建设 in a street's title",
        "x.txt",
        _doc("白鹭街道社区建设工作总结", "2023年，白鹭街道以提升社区服务能力为重点，全面加强社区建设。桂园社区、柳荫社区完成党群服务中心改造。", ORDER),
        "白鹭街道社区建设工作总结", None, 2023, "year",
    )
    yield Case(
        "street: the street before a community's party-building title",
        "x.txt",
        _doc("白鹭街道桂园社区党建工作总结", "一年来，社区党委坚持以党建引领基层治理，党员先锋模范作用充分发挥。", PARTY),
        "白鹭街道桂园社区党建工作总结", "桂园社区", None, "year",
    )
    yield Case(
        "town: 人民政府关于…工作情况的报告",
        "x.txt",
        _doc("石门镇人民政府关于2023年工作情况的报告", "县人民政府：", "2023年，我镇在县委、县政府的坚强领导下，经济社会持续健康发展。现将有关情况报告如下。", TOWN),
        "石门镇人民政府关于2023年工作情况的报告", None, 2023, "year",
    )
    yield Case(
        "masked: a masked village under a named town",
        "x.txt",
        _doc("石门镇**村2023年工作总结", "2023年，**村两委在镇党委的领导下，扎实推进各项工作。", FARM),
        "石门镇**村2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "name_shape: 新华村",
        "x.txt",
        _doc("新华村2023年工作总结", "2023年，新华村两委团结带领全村群众，扎实推进乡村振兴。", FARM),
        "新华村2023年工作总结", "新华村", 2023, "year",
    )
    yield Case(
        "sub_body: a community's 党群服务中心",
        "x.txt",
        _doc("桂园社区党群服务中心2023年工作总结", "一年来，社区党群服务中心坚持开放办公，为居民提供各类便民服务。", HALF),
        "桂园社区党群服务中心2023年工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "heading_name: the community named only in its first section's heading",
        "x.txt",
        _doc("2023年工作总结", "一、桂园社区基本情况", "社区辖区面积1.2平方公里，共有居民2300户，6500人。", "二、主要工作", "全年开展文体活动20场。"),
        "2023年工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "township: 全乡 and its villages, the party committee signs",
        "x.txt",
        _doc("2023年工作总结", "一年来，全乡上下在县委、县政府的坚强领导下，红岩村、白鹭村等村集体经济实现新突破。", TOWN, "中共沙河乡委员会", "2023年12月"),
        "2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "village_meeting: a village's report to its meeting reviews the year before",
        "x.txt",
        _doc("柳岸村2024年村民代表大会工作报告", "各位代表：", "一、2023年工作回顾", "过去的一年，村两委团结带领全村群众，各项工作取得新成效。", "二、2024年工作安排", "计划新修村组道路2公里。"),
        "柳岸村2024年村民代表大会工作报告", "柳岸村", 2023, "year",
    )
    yield Case(
        "attachments: four lines listed after the date",
        "x.txt",
        _doc("社区工作总结", "一年来，我社区在街道党工委的领导下，扎实推进各项工作。", ORDER, "桂园社区居委会", "2023年12月28日", "附件：", "1.活动照片", "2.工作台账目录", "3.居民满意度测评表"),
        "社区工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "weekday: 星期四 after the date",
        "x.txt",
        _doc("社区工作总结", "一年来，我社区认真落实街道各项工作部署。", ORDER, "柳荫社区", "2023年12月28日 星期四"),
        "社区工作总结", "柳荫社区", 2023, "year",
    )


def _rule_cases() -> Iterator[Case]:
    """Invented cases for the rules found on the dev perturbations (evaluation/perturb_bench.py), written
    after those rules: regression cases, not part of any first-pass figure."""
    yield Case(
        "rule body_year: the one year the first section reports, a site's note for an opening",
        "x.txt",
        _doc(
            "发布时间：2022-11-05 08:40", "序言:我们为您整理了多篇调研报告范文，供参考。", "一、调研的基本情况",
            "近年来，上级高度重视村级集体经济发展，要求在2020年底前消除集体经济空壳村。本人认为，发展集体经济是基层治理的基础。"
            "全乡各村发展仍不平衡，部分村集体收入依然偏低。2019年全乡9个行政村中，4个村集体经济收入不足5万元。",
        ),
        None, None, 2019, None,
    )
    yield Case(
        "rule body_year: several years in the body give none",
        "x.txt",
        _doc("关于老旧小区改造进展情况的汇报", "近年来，我县把老旧小区改造作为重要民生工程，坚持高位推动、统筹实施、分类指导，扎实推进各项改造任务，群众居住条件明显改善。", "一、基本情况", "2020年，改造老旧小区12个。2021年，改造老旧小区15个。2022年，又启动改造9个。"),
        "关于老旧小区改造进展情况的汇报", None, None, None,
    )
    yield Case(
        "rule quoted_name: 年度 inside an award's name says nothing of the period",
        "x.txt",
        _doc("社区工作总结", "今年以来，社区先后获得“全市年度优秀社区”“平安示范社区”等称号。", "二、重点工作", "社区居委会在上半年继续抓好环境整治和文明创建。"),
        "社区工作总结", None, None, "H1",
    )
    yield Case(
        "rule motion_phrase: 使驻村 after a comma is a verb phrase",
        "x.txt",
        _doc("驻村工作总结", "一年来，工作队认真履行驻村承诺，使驻村工作扎实有序开展，现将有关情况总结如下。", FARM),
        "驻村工作总结", None, None, "year",
    )
    yield Case(
        "rule field_label: 标题： after a site's numbering",
        "x.txt",
        _doc("范文三：标题：桃源村2022年工作总结", "2022年，桃源村两委团结带领全村群众，扎实推进各项工作。", FARM),
        "桃源村2022年工作总结", "桃源村", 2022, "year",
    )


def _seventh_batch() -> Iterator[Case]:
    """Long names, divisions written in full, a 村民小组 as 三组, slashed and bracketed dates, a bare
    季度, a 村（社区） title. Written after every fix above; expectations fixed before its first run."""
    yield Case(
        "long_name: a six-character estate name before 社区",
        "x.txt",
        _doc("东方明珠花园社区2023年工作总结", "一年来，东方明珠花园社区在街道党工委的领导下，各项工作稳步推进。", ORDER),
        "东方明珠花园社区2023年工作总结", "东方明珠花园社区", 2023, "year",
    )
    yield Case(
        "long_name: 锦绣华府社区",
        "x.txt",
        _doc("锦绣华府社区2023年工作总结", "一年来，锦绣华府社区紧紧围绕街道中心工作，扎实推进各项任务。", ORDER),
        "锦绣华府社区2023年工作总结", "锦绣华府社区", 2023, "year",
    )
    yield Case(
        "street_in_brackets: the street in brackets after the community",
        "x.txt",
        _doc("桂园社区（白鹭街道）2023年工作总结", "一年来，桂园社区在白鹭街道党工委的领导下，各项工作扎实推进。", ORDER),
        "桂园社区（白鹭街道）2023年工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "office_report: 居民委员会关于…工作的报告",
        "x.txt",
        _doc("桂园社区居民委员会关于2023年工作的报告", "各位居民代表：", "2023年，社区居委会在街道党工委的领导下，认真履行职责。", ORDER),
        "桂园社区居民委员会关于2023年工作的报告", "桂园社区", 2023, "year",
    )
    yield Case(
        "village_group: 三组 of a village",
        "x.txt",
        _doc("李家坪村三组2023年工作总结", "一年来，三组在村两委的领导下，团结协作，各项工作有序开展。", FARM),
        "李家坪村三组2023年工作总结", "李家坪村", 2023, "year",
    )
    yield Case(
        "divisions: masked city and district before a named community",
        "x.txt",
        _doc("XX市XX区桂园社区2023年工作总结", "一年来，桂园社区在街道党工委的领导下，各项工作扎实推进。", ORDER),
        "XX市XX区桂园社区2023年工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "divisions: province, city and district written in full",
        "x.txt",
        _doc("湖北省武汉市洪山区桂园社区2023年工作总结", "一年来，桂园社区紧紧围绕街道中心工作，扎实推进各项任务。", ORDER),
        "湖北省武汉市洪山区桂园社区2023年工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "closing_date: slashes in the date",
        "x.txt",
        _doc("社区工作总结", "一年来，我社区在街道党工委的领导下，扎实推进各项工作。", ORDER, "柳荫社区居委会", "2023/12/28"),
        "社区工作总结", "柳荫社区", 2023, "year",
    )
    yield Case(
        "period: a bare 季度 names no quarter",
        "x.txt",
        _doc("桂园社区季度工作总结", "本季度，桂园社区重点做好汛期安全和环境整治工作。", HALF, "桂园社区", "2023年9月30日"),
        "桂园社区季度工作总结", "桂园社区", 2023, None,
    )
    yield Case(
        "masked: full-width ＸＸＸ社区居委会 signing",
        "x.txt",
        _doc("社区工作总结", "一年来，我社区在街道党工委的领导下，认真履职，服务居民。", ORDER, "ＸＸＸ社区居委会", "2023年12月"),
        "社区工作总结", None, 2023, "year",
    )
    yield Case(
        "township: traditional 鄉 in a half-year title",
        "x.txt",
        _doc("沙河鄉2023年上半年工作總結", "上半年，沙河鄉在縣委、縣政府的堅強領導下，經濟社會保持平穩發展。"),
        "沙河鄉2023年上半年工作總結", None, 2023, "H1",
    )
    yield Case(
        "generic: 村（社区） in a title",
        "x.txt",
        _doc("2023年村（社区）工作总结", "一年来，我们在镇党委的领导下，扎实推进各项工作。", FARM),
        "2023年村（社区）工作总结", None, 2023, "year",
    )
    yield Case(
        "model_community: another community named as a model in the opening",
        "x.txt",
        _doc("社区工作总结", "一年来，我社区学习借鉴柳荫社区的先进经验，不断创新服务方式。", ORDER, "桂园社区", "2023年12月26日"),
        "社区工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "salutation: 尊敬的各位领导、同志们： under a 述职报告",
        "x.txt",
        _doc("述职报告", "尊敬的各位领导、同志们：", "2023年，我担任桂园社区党委书记，在街道党工委的领导下，认真履行职责。", PARTY),
        "述职报告", "桂园社区", 2023, "year",
    )


def _eighth_batch() -> Iterator[Case]:
    """Units only in folders or signatures at other levels, a quarter in a file name, a body that
    counts other units. Written after the seventh batch's fix; expectations fixed before its first run."""
    yield Case(
        "path: the street and community folders, the year in a bare file name",
        "白鹭街道/桂园社区/2023总结.docx",
        _doc("社区工作总结", "一年来，我社区辖区内5个小区、3个村民小组的各项工作稳步推进。", ORDER),
        "社区工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "file_name: 二季度 in the file name",
        "uploads/2023年二季度工作汇报.docx",
        _doc("工作汇报", "二季度以来，我社区紧紧围绕街道中心工作，扎实推进各项任务。", HALF),
        "工作汇报", None, 2023, "Q2",
    )
    yield Case(
        "signature: a town before a village's 党总支",
        "x.txt",
        _doc("党建工作总结", "一年来，村党总支认真落实全面从严治党主体责任。", PARTY, "石门镇白鹭村党总支", "2023年12月"),
        "党建工作总结", "白鹭村", 2023, "year",
    )
    yield Case(
        "signature: another community named as the object of a clause, the unit signs",
        "x.txt",
        _doc("工作总结", "一年来，受桂园社区委托，我社区承办了片区运动会。", ORDER, "柳荫社区居委会", "2023年12月20日"),
        "工作总结", "柳荫社区", 2023, "year",
    )
    yield Case(
        "period: 上半年 in the title, signed in June",
        "x.txt",
        _doc("上半年工作总结", "上半年，我村在镇党委的领导下，扎实推进各项工作。", FARM, "白鹭村村委会", "2023年6月28日"),
        "上半年工作总结", "白鹭村", 2023, "H1",
    )
    yield Case(
        "period: a first quarter's summary with the second's plan",
        "x.txt",
        _doc("2023年第一季度工作总结及第二季度工作计划", "一季度以来，我社区扎实开展各项工作。", HALF, PLAN, "桂园社区", "2023年3月30日"),
        "2023年第一季度工作总结及第二季度工作计划", "桂园社区", 2023, "Q1",
    )
    yield Case(
        "period: 年终述职",
        "x.txt",
        _doc("桂园社区党委书记2023年年终述职报告", "各位领导、同志们：", "2023年，我认真履行党建第一责任人职责。", PARTY),
        "桂园社区党委书记2023年年终述职报告", "桂园社区", 2023, "year",
    )
    yield Case(
        "street: the street's working committee signs",
        "x.txt",
        _doc("2023年工作总结", "一年来，街道党工委团结带领辖区12个社区，扎实推进各项工作。桂园社区、柳荫社区获评市级文明社区。", ORDER, "中共白鹭街道工作委员会", "2023年12月"),
        "2023年工作总结", None, 2023, "year",
    )
    yield Case(
        "number_phrase: counts of units in the body of a community's report",
        "x.txt",
        _doc("桂园社区2023年工作总结", "一年来，桂园社区联合周边3个社区、2个村开展共建活动，共走访居民500余户。", ORDER),
        "桂园社区2023年工作总结", "桂园社区", 2023, "year",
    )
    yield Case(
        "signature: 村党支部 and 村委会 on one line with the date below",
        "x.txt",
        _doc("年度工作总结", "一年来，我村在镇党委的领导下，各项工作取得新进展。", FARM, "白鹭村党支部  白鹭村村委会", "二〇二三年十二月二十八日"),
        "年度工作总结", "白鹭村", 2023, "year",
    )


FIRST: tuple[Case, ...] = tuple(_cases())
SECOND: tuple[Case, ...] = tuple(_second_batch())
HELD_OUT: tuple[Case, ...] = tuple(_third_batch())
PAGES: tuple[Case, ...] = tuple(_fourth_batch())
SHAPES: tuple[Case, ...] = tuple(_fifth_batch())
MORE: tuple[Case, ...] = tuple(_sixth_batch())
RULES: tuple[Case, ...] = tuple(_rule_cases())
SEVENTH: tuple[Case, ...] = tuple(_seventh_batch())
EIGHTH: tuple[Case, ...] = tuple(_eighth_batch())
CASES: tuple[Case, ...] = FIRST + SECOND + HELD_OUT + PAGES + SHAPES + MORE + SEVENTH + EIGHTH + RULES


def predict(case: Case) -> dict[str, object]:
    """The four fields as the pipeline's metadata stage reads them."""
    from nlp.records import RawDoc
    from nlp.text.document import Text
    from nlp.text.meta import extract_meta
    from nlp.text.outline import build_outline

    raw = RawDoc(id="a" * 64, path=case.path, text=case.text, encoding="utf-8")
    doc = Text.from_string(case.text)
    meta = extract_meta(raw, doc, build_outline(doc.normalized))
    return {field: getattr(meta, field) for field in FIELDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every wrong field")
    args = parser.parse_args()
    right = dict.fromkeys(FIELDS, 0)
    whole = 0
    for case in CASES:
        got, want = predict(case), case.expected()
        wrong = [f for f in FIELDS if got[f] != want[f]]
        for field in FIELDS:
            right[field] += field not in wrong
        whole += not wrong
        if args.failures and wrong:
            print(f"{case.name}: " + "; ".join(f"{f} {got[f]!r} (want {want[f]!r})" for f in wrong))
    n = len(CASES)
    print(f"documents {n}; all four right {whole}/{n} = {whole / n:.3f}")
    for field in FIELDS:
        print(f"  {field:<10} {right[field]}/{n} = {right[field] / n:.3f}")
    print(f"  overall    {sum(right.values())}/{4 * n} = {sum(right.values()) / (4 * n):.3f}")


if __name__ == "__main__":
    main()

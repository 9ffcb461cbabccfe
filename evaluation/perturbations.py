"""Behavioural tests (CheckList, Ribeiro et al. 2020) on the dev gold: named perturbations of a
document's raw text or file name, each with the gold it must still give.

A perturbation is a function ``Case -> Perturbed | None`` (None: it does not apply to that
document), registered in ``PERTURBATIONS`` with its docstring as its description. An invariance
test keeps the gold as it is; a directional test changes it the way the perturbation says (上半年 in
the title → H1). A field left out of ``Perturbed.expected`` is not scored: the gold no longer says
what it must be. Every inserted line is written here, in the genre's style; none is a corpus line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from evaluation.gold import GoldDoc

META_FIELDS = ("title", "community", "year", "period")
_OPENING, _CLOSING = 300, 160


@dataclass(frozen=True)
class Case:
    """A dev gold document: its file name, decoded text, gold and the parts its gold annotates."""

    name: str
    text: str
    gold: GoldDoc
    parts: tuple[str, ...]


@dataclass(frozen=True)
class Perturbed:
    """The perturbed document (``text``, or ``data`` bytes to decode) under ``name``, what it must give
    (``expected`` per metadata field, ``headings`` as (level, text)), and the span of inserted text
    that must give no heading and no figure."""

    name: str
    text: str
    expected: dict[str, object]
    headings: tuple[tuple[int, str], ...] | None = None
    data: bytes | None = None
    inserted: tuple[int, int] | None = None


Perturbation = Callable[[Case], Perturbed | None]
PERTURBATIONS: dict[str, Perturbation] = {}


def perturbation(fn: Perturbation) -> Perturbation:
    PERTURBATIONS[fn.__name__] = fn
    return fn


# ---------------------------------------------------------------- reading the gold into the text


def meta_gold(case: Case) -> dict[str, object]:
    return {f: getattr(case.gold, f) for f in META_FIELDS} if "meta" in case.parts else {}


def heading_gold(case: Case) -> tuple[tuple[int, str], ...] | None:
    if "headings" not in case.parts or not case.gold.headings:
        return None
    return tuple((h.level, h.text) for h in case.gold.headings)


def title_line(case: Case) -> tuple[int, int] | None:
    """The span of the line holding the gold title, among the first ten lines."""
    title = case.gold.title
    if not title or "meta" not in case.parts:
        return None
    pos = 0
    for number, line in enumerate(case.text.split("\n")):
        if number >= 10:
            break
        if title in line:
            return pos, pos + len(line)
        pos += len(line) + 1
    return None


def heading_lines(case: Case, labelled: bool = True) -> list[tuple[int, int]]:
    """Spans of the lines that are a gold heading alone (label, text, at most a closing mark); with
    ``labelled`` False, unnumbered headings too."""
    out = []
    wanted = {(h.label + h.text).replace(" ", "") for h in case.gold.headings if h.label or not labelled}
    pos = 0
    for line in case.text.split("\n"):
        bare = line.strip(" \t\u3000\r").rstrip("。：:；;").replace(" ", "")
        if bare in wanted:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def title_lines(case: Case) -> list[tuple[int, int]]:
    """The title line and its repetitions: every short line holding the gold title, or starting with it."""
    if title_line(case) is None or not case.gold.title:
        return []
    out, pos = [], 0
    for line in case.text.split("\n"):
        bare = line.strip()
        if case.gold.title in bare and (
            len(bare) <= len(case.gold.title) + 12 or bare.startswith(case.gold.title)
        ):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def hard_wrapped(text: str) -> bool:
    """Lines cut at a fixed width (a PDF's or a page's): a quarter of the long lines share one length."""
    lengths = [len(line.strip()) for line in text.split("\n") if len(line.strip()) > 20]
    if len(lengths) < 8:
        return False
    top = max(set(lengths), key=lengths.count)
    return sum(1 for n in lengths if abs(n - top) <= 1) >= len(lengths) / 4


def _drop_lines(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in sorted(spans, reverse=True):
        text = text[:s] + text[e + 1 :]
    return text


def _stated(value: str, text: str) -> bool:
    return value in text[:_OPENING] or value in text[-_CLOSING:]


# Period words a reader takes from the opening of a report: this bench's own list, so that it does
# not mirror the pipeline's vocabulary.
_PERIOD_WORDS = {
    "H1": ("上半年", "1-6月", "1至6月", "一至六月"),
    "H2": ("下半年", "7-12月"),
    "year": ("一年来", "全年", "年度", "过去的一年", "今年以来"),
}


_TITLE_WORDS = re.compile(r"总结|總結|计划|計劃|报告|報告|汇报|匯報|鉴定|鑒定|简介|簡介")


def _without_title(case: Case) -> tuple[str, dict[str, object]] | None:
    """The text without its title line and repetitions, and what the rest still states. The title is
    then null unless another title-like line is left among the first ten (a collection page's next
    article), when it is not scored."""
    spans, g = title_lines(case), case.gold
    if not spans or not g.title:
        return None
    text = case.text
    for s, e in sorted(spans, reverse=True):
        line = text[s:e]
        if len(line.strip()) > len(g.title) + 12:  # a title glued to its body: the body stays
            text = text[:s] + line.replace(g.title, "", 1).lstrip() + text[e:]
        else:
            text = text[:s] + text[e + 1 :]
    expected: dict[str, object] = {}
    head = [line.strip() for line in text.split("\n") if line.strip()][:10]
    if not any(len(line) <= 40 and _TITLE_WORDS.search(line) for line in head):
        expected["title"] = None
    # A site's editor note (下面是小编整理的2021年…总结) names the article, it is not part of it.
    own = "\n".join(line for line in text.split("\n") if "小编" not in line and "小編" not in line)
    if g.year is not None and _stated(f"{g.year}年", own):
        expected["year"] = g.year
    if g.period in _PERIOD_WORDS and any(w in own[:_OPENING] for w in _PERIOD_WORDS[g.period]):
        expected["period"] = g.period
    if g.community and g.community in own:
        expected["community"] = g.community
    return text, expected


def _renamed(name: str, suffix: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}{suffix}.{ext}" if dot else name + suffix


def _edit_lines(text: str, spans: list[tuple[int, int]], edit: Callable[[str], str]) -> str:
    for s, e in sorted(spans, reverse=True):
        text = text[:s] + edit(text[s:e]) + text[e:]
    return text


def _edit_title(
    case: Case, edit: Callable[[str], str], name_suffix: str = "", glued: bool = True
) -> Perturbed | None:
    """``edit`` applied to the title line and its repetitions (with ``glued``, also to a line where
    the title runs on into the body: a prefix goes there, a suffix does not)."""
    spans = title_lines(case)
    if not glued:
        spans = [(s, e) for s, e in spans if len(case.text[s:e].strip()) <= len(case.gold.title or "") + 12]
    if not spans:
        return None
    text = _edit_lines(case.text, spans, edit)
    return Perturbed(_renamed(case.name, name_suffix), text, meta_gold(case), heading_gold(case))


# ---------------------------------------------------------------- metadata: a site's chrome


@perturbation
def name_suffix_underscore(case: Case) -> Perturbed | None:
    """A download site's copy suffix `_1` after the title line and in the file name; gold unchanged."""
    return _edit_title(case, lambda line: line.rstrip() + "_1", "_1", glued=False)


@perturbation
def name_suffix_copy(case: Case) -> Perturbed | None:
    """A file manager's copy number ` (2)` after the title line and in the file name; gold unchanged."""
    return _edit_title(case, lambda line: line.rstrip() + " (2)", " (2)", glued=False)


@perturbation
def name_suffix_docx(case: Case) -> Perturbed | None:
    """The original's `.docx` kept on the title line and before `.txt`; gold unchanged."""
    return _edit_title(case, lambda line: line.rstrip() + ".docx", ".docx", glued=False)


@perturbation
def site_numbering_bracket(case: Case) -> Perturbed | None:
    """A collection page's article number 【第1篇】 before the title; gold unchanged."""
    return _edit_title(case, lambda line: "【第1篇】" + line.lstrip())


@perturbation
def site_numbering_fanwen(case: Case) -> Perturbed | None:
    """A collection page's 范文一： before the title; gold unchanged."""
    return _edit_title(case, lambda line: "范文一：" + line.lstrip())


# ---------------------------------------------------------------- metadata: where it is stated


@perturbation
def title_removed(case: Case) -> Perturbed | None:
    """The title line (and its repetitions) removed: title null; year, period and community as the gold
    where the rest of the text still states them (opening, closing lines; the name anywhere), else
    not scored."""
    found = _without_title(case)
    if found is None:
        return None
    return Perturbed(case.name, found[0], found[1], heading_gold(case))


@perturbation
def signature_at_end(case: Case) -> Perturbed | None:
    """The title line removed and the unit's signature and date lines put at the end: community and
    year from the signature."""
    found = _without_title(case)
    g = case.gold
    if found is None or not g.community or g.year is None:
        return None
    office = "村民委员会" if g.community.endswith("村") else "居民委员会"
    month = "7月5日" if g.period == "H1" else "12月28日"
    text = found[0].rstrip() + f"\n\n{g.community}{office}\n{g.year}年{month}\n"
    return Perturbed(
        case.name, text, {"title": None, "community": g.community, "year": g.year}, heading_gold(case)
    )


@perturbation
def year_only_in_file_name(case: Case) -> Perturbed | None:
    """The year struck from the title line and the text (今年 in the body) and put in the file name;
    applies when no other year (nor a masked one) is left in the opening or closing lines."""
    g, spans = case.gold, title_lines(case)
    if g.year is None or not spans:
        return None
    year = f"{g.year}年"
    marked = _edit_lines(case.text, spans, lambda line: "\0" + line.replace(year, "\1") + "\0")
    body = re.sub("\0[^\0]*\0", lambda m: m.group(0).replace("\1", ""), marked.replace(year, "今年"))
    body = body.replace("\0", "")
    if re.search(r"(?:(?:19|20)\d{2}|20[xX]{2}|[xX]{4})\s*年", body[:_OPENING] + body[-_CLOSING:]):
        return None
    title = g.title.replace(year, "") if g.title else None
    expected = {"title": title, "community": g.community, "year": g.year}
    return Perturbed(f"{year}{case.name}", body, expected, heading_gold(case))


_PERIOD_IN_TITLE = re.compile(r"上半年|下半年|季度|年度|全年|年终|年終|半年")
_SUMMARY_WORD = re.compile(r"(工作)?(总结|總結|计划|計劃|汇报|匯報|报告|報告)")


def _period_in_title(case: Case, word: str, period: str) -> Perturbed | None:
    g, spans = case.gold, title_lines(case)
    if not spans or not g.title or _PERIOD_IN_TITLE.search(g.title) or g.period not in (None, "year"):
        return None
    if "政府工作报告" in g.title:  # a government's work report is named for its year, never a half
        return None
    m = _SUMMARY_WORD.search(g.title)
    if not m:
        return None
    title = g.title[: m.start()] + word + g.title[m.start() :]
    text = _edit_lines(case.text, spans, lambda line: line.replace(g.title, title, 1))
    expected = {"title": title, "community": g.community, "year": g.year, "period": period}
    return Perturbed(case.name, text, expected, heading_gold(case))


@perturbation
def annual_in_title(case: Case) -> Perturbed | None:
    """年度 written before the title's 工作总结/计划/报告: period `year` (titles with no period word)."""
    return _period_in_title(case, "年度", "year")


@perturbation
def whole_year_in_title(case: Case) -> Perturbed | None:
    """全年 written before the title's 工作总结/计划/报告: period `year`."""
    return _period_in_title(case, "全年", "year")


@perturbation
def first_half_in_title(case: Case) -> Perturbed | None:
    """上半年 written before the title's 工作总结/计划/报告: period `H1`."""
    return _period_in_title(case, "上半年", "H1")


@perturbation
def community_masked(case: Case) -> Perturbed | None:
    """Every mention of the community's name masked as a publishing site does (东湖社区 → XX社区):
    the community is then unknown (null); the rest of the gold unchanged, the title as masked."""
    g = case.gold
    if not g.community or g.community not in case.text:
        return None
    suffix = "村" if g.community.endswith("村") else "社区"
    masked = "XX" + suffix
    expected = {**meta_gold(case), "community": None}
    if g.title:
        expected["title"] = g.title.replace(g.community, masked)
    return Perturbed(case.name, case.text.replace(g.community, masked), expected, heading_gold(case))


@cache
def _to_traditional() -> Callable[[str], str] | None:
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("s2t").convert


@perturbation
def traditional_script(case: Case) -> Perturbed | None:
    """The whole text converted to traditional script (OpenCC s2t): title as written (converted),
    community canonical (simplified), year and period unchanged."""
    convert = _to_traditional()
    if convert is None:
        return None
    expected = meta_gold(case)
    if expected.get("title"):
        expected["title"] = convert(str(expected["title"]))
    headings = heading_gold(case)
    if headings is not None:
        headings = tuple((level, convert(text)) for level, text in headings)
    return Perturbed(case.name, convert(case.text), expected, headings)


def _encoded(case: Case, encoding: str) -> Perturbed | None:
    try:
        data = case.text.encode(encoding)
    except UnicodeEncodeError:
        return None
    return Perturbed(case.name, case.text, meta_gold(case), heading_gold(case), data=data)


@perturbation
def encoding_gbk(case: Case) -> Perturbed | None:
    """The file re-encoded GBK and read back through corpus.readers (documents GBK can encode)."""
    return _encoded(case, "gbk")


@perturbation
def encoding_gb18030(case: Case) -> Perturbed | None:
    """The file re-encoded GB18030 and read back through corpus.readers."""
    return _encoded(case, "gb18030")


@perturbation
def encoding_utf16(case: Case) -> Perturbed | None:
    """The file re-encoded UTF-16 (with its BOM) and read back through corpus.readers."""
    return _encoded(case, "utf-16")


# ---------------------------------------------------------------- headings


def _join_headings(case: Case, joiner: str) -> Perturbed | None:
    headings = heading_gold(case)
    spans = heading_lines(case)
    if headings is None or not spans or hard_wrapped(case.text):
        return None  # a wrapped page's lines cannot be longer than its width: no run-on to make
    starts = {s for s, _ in heading_lines(case, labelled=False)}
    text, joined = case.text, 0
    for s, e in sorted(spans, reverse=True):
        nxt = e + 1
        while nxt < len(text) and text[nxt] in " \t\u3000\r\n":
            nxt += 1
        if (
            nxt >= len(text)
            or nxt in starts
            or re.match(r"[（(]?[一二三四五六七八九十\d]+[、.．)）]", text[nxt:])
        ):
            continue  # the next line is another heading: nothing to run on into
        head = text[s:e].rstrip(" \t\u3000\r")
        if head.endswith(("：", ":", "。")):
            head = head[:-1]
            glue = "：" if joiner else ""
        else:
            glue = joiner
        text = text[:s] + head + glue + text[nxt:]
        starts = {x if x < s else x - (nxt - s) + len(head) + len(glue) for x in starts}
        joined += 1
    if not joined:
        return None
    return Perturbed(case.name, text, meta_gold(case), headings)


@perturbation
def heading_run_on(case: Case) -> Perturbed | None:
    """Each heading on a line of its own run on into its paragraph after a 。 (a ： when it had one):
    the heading ends at that mark; gold unchanged."""
    return _join_headings(case, "。")


@perturbation
def heading_glued(case: Case) -> Perturbed | None:
    """Each heading on a line of its own glued to its paragraph with no mark between; gold unchanged."""
    return _join_headings(case, "")


# A document-sharing site's notice, written for this bench.
NOTICE = (
    "下载须知：",
    "1.本站文档均由网友上传，仅供学习交流参考，下载前请仔细阅读文档预览。",
    "2.文档下载后如与预览不符，请在24小时内联系客服办理退款，逾期不予受理。",
    "3.本站不对文档内容的准确性负责，文档版权归上传者所有，如有侵权请来信告知删除。",
    "4.客服工作时间为每天8:30至17:30，节假日顺延，咨询请添加在线客服。",
)


# The same kind of notice in short lines without a closing mark, as sites print them under a title.
SHORT_NOTICE = (
    "温馨提示",
    "1. 文档下载后不支持退换",
    "2. 如需帮助请联系在线客服",
    "3. 本文档版权归作者所有",
    "4. 付费下载后可编辑全文",
)


def _appended(case: Case, lines: tuple[str, ...]) -> Perturbed:
    block = "\n".join(lines)
    text = case.text.rstrip() + "\n\n"
    return Perturbed(case.name, text + block + "\n", meta_gold(case), heading_gold(case),
                     inserted=(len(text), len(text) + len(block)))  # fmt: skip


def _prepended(case: Case, lines: tuple[str, ...]) -> Perturbed:
    block = "\n".join(lines)
    return Perturbed(case.name, block + "\n\n" + case.text, meta_gold(case), heading_gold(case),
                     inserted=(0, len(block)))  # fmt: skip


@perturbation
def notice_appended(case: Case) -> Perturbed | None:
    """A sharing site's numbered download/refund/copyright notice (sentences) appended: no heading, no
    figure in it; gold unchanged."""
    return _appended(case, NOTICE)


@perturbation
def notice_prepended(case: Case) -> Perturbed | None:
    """The same notice put before the document (above its title): no heading, no figure in it;
    gold unchanged."""
    return _prepended(case, NOTICE)


@perturbation
def short_notice_appended(case: Case) -> Perturbed | None:
    """A notice in short numbered lines with no closing mark appended: no heading, no figure in it."""
    return _appended(case, SHORT_NOTICE)


@perturbation
def short_notice_prepended(case: Case) -> Perturbed | None:
    """The short notice put before the title: no heading, no figure in it; gold unchanged."""
    return _prepended(case, SHORT_NOTICE)


@perturbation
def blank_lines_removed(case: Case) -> Perturbed | None:
    """Every empty line removed; gold unchanged."""
    text = "\n".join(line for line in case.text.split("\n") if line.strip(" \t\u3000\r"))
    return None if text == case.text else Perturbed(case.name, text, meta_gold(case), heading_gold(case))


@perturbation
def blank_lines_doubled(case: Case) -> Perturbed | None:
    """An empty line after every line; gold unchanged."""
    return Perturbed(case.name, case.text.replace("\n", "\n\n"), meta_gold(case), heading_gold(case))


_WIDTH_SWAP = {"．": ".", ".": "．", "（": "(", "(": "（", "）": ")", ")": "）"}
_LABEL = re.compile(r"(?m)^([ \t\u3000]*)([（(]?)([一二三四五六七八九十\d]{1,3})([)）.．]?)(?=\S)")


@perturbation
def numbering_width_swapped(case: Case) -> Perturbed | None:
    """Full-width and half-width numbering swapped at line starts (1. ↔ 1．, （一）↔ (一)); gold unchanged."""
    if heading_gold(case) is None:
        return None

    def swap(m: re.Match[str]) -> str:
        open_, close = m.group(2), m.group(4)
        if not (open_ or close):
            return m.group(0)
        return m.group(1) + _WIDTH_SWAP.get(open_, open_) + m.group(3) + _WIDTH_SWAP.get(close, close)

    text = _LABEL.sub(swap, case.text)
    return None if text == case.text else Perturbed(case.name, text, meta_gold(case), heading_gold(case))


# ---------------------------------------------------------------- metadata: a web page's furniture
# (added by the meta13 branch; every inserted line is written for this bench)

_CRUMBS = "首页 > 范文大全 > 工作总结"
_POSTED = "发布时间：2025-06-18 09:12:45  来源：网友投稿  阅读：1386次"


@perturbation
def page_chrome_prepended(case: Case) -> Perturbed | None:
    """A page's breadcrumb and its posting line (a later year, a view count) above the document: the
    posting date is the page's, not the report's; gold unchanged."""
    return _prepended(case, (_CRUMBS, _POSTED))


@perturbation
def posted_under_title(case: Case) -> Perturbed | None:
    """The page's posting line right under the title line (a later year): gold unchanged."""
    spans = title_lines(case)
    if not spans:
        return None
    s, e = spans[0]
    if len(case.text[s:e].strip()) > len(case.gold.title or "") + 12:
        return None
    text = case.text[:e] + "\n" + _POSTED + case.text[e:]
    return Perturbed(case.name, text, meta_gold(case), heading_gold(case))


@perturbation
def site_name_after_title(case: Case) -> Perturbed | None:
    """A page title's site name after the title line (…工作总结_文档分享网): gold unchanged."""
    return _edit_title(case, lambda line: line.rstrip() + "_文档分享网", glued=False)


@perturbation
def site_name_dash_title(case: Case) -> Perturbed | None:
    """A page title's site name after a dash (…工作总结 - 范文写作网): gold unchanged."""
    return _edit_title(case, lambda line: line.rstrip() + " - 范文写作网", glued=False)


@perturbation
def collection_wrapper(case: Case) -> Perturbed | None:
    """A collection page above the article: the page's title (the article's with (精选6篇)) and an
    editor's line; the article's own title stays the title; gold unchanged."""
    g = case.gold
    if not g.title or title_line(case) is None:
        return None
    intro = "以下是本站为大家整理的几篇范文，供大家参考借鉴，希望对你有所帮助。"
    return _prepended(case, (f"{g.title}(精选6篇)", intro))


@perturbation
def street_and_community_in_title(case: Case) -> Perturbed | None:
    """The street and the community's name written before a title that does not name it
    (东城街道东湖社区…工作总结): community as the gold, the title as edited."""
    g, spans = case.gold, title_lines(case)
    if not g.community or not g.title or not spans or g.community in g.title:
        return None
    generic = re.match(r"社区|社區|村", g.title)  # 社区工作总结 → 东城街道东湖社区工作总结
    title = "东城街道" + g.community + (g.title[generic.end() :] if generic else g.title)
    text = _edit_lines(case.text, spans, lambda line: line.replace(g.title, title, 1))
    return Perturbed(case.name, text, {**meta_gold(case), "title": title}, heading_gold(case))


@perturbation
def first_quarter_in_title(case: Case) -> Perturbed | None:
    """第一季度 written before the title's 工作总结/计划/报告: period `Q1`."""
    return _period_in_title(case, "第一季度", "Q1")


@perturbation
def months_in_title(case: Case) -> Perturbed | None:
    """1-6月 written before the title's 工作总结/计划/报告: period `H1`."""
    return _period_in_title(case, "1-6月", "H1")


@perturbation
def year_full_width(case: Case) -> Perturbed | None:
    """The year's digits written full-width (２０２２年) in the title and the text: gold unchanged but
    the title as written."""
    g = case.gold
    if g.year is None or f"{g.year}年" not in case.text:
        return None
    wide = str(g.year).translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "年"
    expected = {**meta_gold(case)}
    if g.title:
        expected["title"] = g.title.replace(f"{g.year}年", wide)
    return Perturbed(case.name, case.text.replace(f"{g.year}年", wide), expected, heading_gold(case))


# A pinyin converter's readings left after characters (社區(qū)), as copied pages keep them: this
# bench's own table of common characters of the genre.
_PINYIN = {"區": "qū", "結": "jié", "經": "jīng", "濟": "jì", "農": "nóng", "鄉": "xiāng", "領": "lǐng",
           "導": "dǎo", "創": "chuàng", "現": "xiàn", "體": "tǐ", "們": "men", "劃": "huà", "務": "wù"}  # fmt: skip


@perturbation
def pinyin_junk(case: Case) -> Perturbed | None:
    """Traditional script with a pinyin converter's readings after common characters (總結(jié)):
    the title as written (with them), the community canonical, year and period unchanged."""
    convert = _to_traditional()
    if convert is None:
        return None

    def junk(text: str) -> str:
        t = convert(text)  # a reading already there (總結(jié)) is not doubled

        def read(i: int) -> bool:
            return re.match(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]", t[i + 1 : i + 3]) is None

        return "".join(f"{c}({_PINYIN[c]})" if c in _PINYIN and read(i) else c for i, c in enumerate(t))

    expected = meta_gold(case)
    if expected.get("title"):
        expected["title"] = junk(str(expected["title"]))
    return Perturbed(case.name, junk(case.text), expected, None)


@perturbation
def lines_flattened(case: Case) -> Perturbed | None:
    """Every line break removed, as a document site flattens a page whose first line is the title:
    gold unchanged (headings not scored)."""
    span = title_line(case)
    if span is None or case.text[: span[0]].strip():
        return None  # the title opens the file (a page's chrome above it is another shape)
    text = re.sub(r"[ \t\u3000\r]*\n[ \t\u3000\r\n]*", "", case.text)
    return Perturbed(case.name, text, meta_gold(case), None)


@perturbation
def traditional_chrome(case: Case) -> Perturbed | None:
    """Traditional script, and a page's breadcrumb and posting line above: gold as traditional_script."""
    base = traditional_script(case)
    if base is None:
        return None
    return Perturbed(case.name, "首頁 > 範文大全 > 工作總結\n發佈時間：2025-06-18  閱讀：1386次\n\n" + base.text,
                     base.expected, base.headings)  # fmt: skip


_WRAP = 28


@perturbation
def pdf_wrapped(case: Case) -> Perturbed | None:
    """Every line longer than 28 characters broken every 28 characters, as a PDF's text layer is
    (the title too when it is longer): gold unchanged (headings not scored)."""
    if title_line(case) is None or hard_wrapped(case.text):
        return None
    out = []
    for line in case.text.split("\n"):
        out.extend(line[i : i + _WRAP] for i in range(0, len(line), _WRAP)) if len(line) > _WRAP else out.append(line)
    return Perturbed(case.name, "\n".join(out), meta_gold(case), None)


@perturbation
def literal_line_breaks(case: Case) -> Perturbed | None:
    """Every line break written as the literal text \\r\\n (a page that escaped them): gold unchanged
    (headings not scored)."""
    if title_line(case) is None:
        return None
    return Perturbed(case.name, case.text.replace("\n", "\\r\\n"), meta_gold(case), None)


# ---------------------------------------------------------------- metadata: where the unit is named
# (added by the meta15 branch, expectations fixed before the first run; every inserted line is
# written for this bench)


def _kind(community: str) -> tuple[str, str, str]:
    """A unit's bare word, its self-reference and its committee's name: 社区/本社区/居民委员会."""
    if community.endswith("村"):
        return "村", "本村", "村民委员会"
    return "社区", "本社区", "居民委员会"


def _struck(case: Case) -> tuple[str, dict[str, object]] | None:
    """The text with every mention of the community replaced by its self-reference (本社区, 本村),
    the title line by the bare word (东湖社区工作总结 → 社区工作总结), and the gold it then keeps
    (the title as edited)."""
    g = case.gold
    if not g.community or g.community not in case.text or "meta" not in case.parts:
        return None
    bare, own, _ = _kind(g.community)
    text = _edit_lines(case.text, title_lines(case), lambda line: line.replace(g.community, bare))
    text = text.replace(g.community, own)
    expected = meta_gold(case)
    if g.title:
        expected["title"] = g.title.replace(g.community, bare)
    return text, expected


def _after_title(text: str, case: Case, lines: tuple[str, ...]) -> str | None:
    """``lines`` put on their own lines under the article's title line: the last title line (a
    repetition of it, or the article's title under a page's) of the first ten lines, so that they
    open the body."""
    spans = [(s, e) for s, e in title_lines(case) if case.text[:s].count("\n") < 10]
    spans = [(s, e) for s, e in spans if len(case.text[s:e].strip()) <= len(case.gold.title or "") + 12]
    if not spans:
        return None  # a title glued to its body: nothing to put under it
    line = case.text[spans[-1][0] : spans[-1][1]]
    nth = case.text[: spans[-1][0]].count(line)  # the same line earlier (a repetition above it)
    at = -1
    for _ in range(nth + 1):
        at = text.find(line, at + 1)
    if at < 0:
        return None
    end = at + len(line)
    return text[:end] + "\n" + "\n".join(lines) + text[end:]


@perturbation
def community_only_in_file_name(case: Case) -> Perturbed | None:
    """The community struck from the text (本社区/本村 in the body, 社区/村 in the title) and named by
    the file name (东湖社区_….txt): community as the gold, the title as edited."""
    found = _struck(case)
    if found is None:
        return None
    return Perturbed(f"{case.gold.community}_{case.name}", found[0], found[1], heading_gold(case))


@perturbation
def community_in_signature_with_street(case: Case) -> Perturbed | None:
    """The community struck from the text and signed at the end with its street and committee
    (东城街道东湖社区居民委员会, then a date of the gold's year): community as the gold."""
    found = _struck(case)
    g = case.gold
    if found is None or g.year is None:
        return None
    _, _, office = _kind(g.community or "")
    street = "东城镇" if office.startswith("村") else "东城街道"
    month = "7月5日" if g.period == "H1" else "12月28日"
    text = found[0].rstrip() + f"\n\n{street}{g.community}{office}\n{g.year}年{month}\n"
    return Perturbed(case.name, text, found[1], heading_gold(case))


@perturbation
def committee_names_unit_in_opening(case: Case) -> Perturbed | None:
    """The community struck from the text, and a line under the title naming it by its committee
    (东湖社区居委会现有居民…): community as the gold (canonical, without 居委会)."""
    found = _struck(case)
    if found is None:
        return None
    office = "村委会" if (case.gold.community or "").endswith("村") else "居委会"
    line = f"{case.gold.community}{office}辖区面积约一平方公里，下设网格若干，服务对象以老年居民为主。"
    text = _after_title(found[0], case, (line,))
    return None if text is None else Perturbed(case.name, text, found[1], heading_gold(case))


@perturbation
def street_pair_leads_opening(case: Case) -> Perturbed | None:
    """The community struck from the text, and a line under the title placing it with its street
    (东城街道东湖社区位于城区东部…): community as the gold."""
    found = _struck(case)
    if found is None:
        return None
    street = "东城镇" if (case.gold.community or "").endswith("村") else "东城街道"
    line = f"{street}{case.gold.community}位于城区东部，交通便利，辖区内有学校和农贸市场各一处。"
    text = _after_title(found[0], case, (line,))
    return None if text is None else Perturbed(case.name, text, found[1], heading_gold(case))


def _masked_as(case: Case, mask: str) -> Perturbed | None:
    g = case.gold
    if not g.community or g.community not in case.text:
        return None
    bare, _, _ = _kind(g.community)
    masked = mask + bare
    expected = {**meta_gold(case), "community": None}
    if g.title:
        expected["title"] = g.title.replace(g.community, masked)
    return Perturbed(case.name, case.text.replace(g.community, masked), expected, heading_gold(case))


@perturbation
def community_masked_crosses(case: Case) -> Perturbed | None:
    """Every mention of the community masked with crosses (东湖社区 → ××社区): community null."""
    return _masked_as(case, "××")


@perturbation
def community_masked_stars(case: Case) -> Perturbed | None:
    """Every mention of the community masked with asterisks (东湖社区 → **社区): community null."""
    return _masked_as(case, "**")


@perturbation
def title_split_two_lines(case: Case) -> Perturbed | None:
    """A title of 10 characters or more broken over two lines at its middle, as a narrow PDF column
    does: the title whole (joined), the rest unchanged (headings not scored)."""
    g = case.gold
    if not g.title or len(g.title) < 10:
        return None
    half = len(g.title) // 2
    split = g.title[:half] + "\n" + g.title[half:]
    spans = [(s, e) for s, e in title_lines(case) if case.text[s:e].strip() == g.title]
    if not spans:
        return None
    text = _edit_lines(case.text, spans[:1], lambda line: line.replace(g.title, split, 1))
    return Perturbed(case.name, text, meta_gold(case), None)


_WRAPPED_OPENING = ("根据街道党工委的统一部署和要求，结合社区实际，现将社区各项工作开展", "情况总结如下：")


@perturbation
def opening_wrapped_colon(case: Case) -> Perturbed | None:
    """An opening sentence wrapped by a PDF so that its last line is 情况总结如下： alone, put under
    the title: the title as the gold (the wrapped line is body)."""
    text = _after_title(case.text, case, _WRAPPED_OPENING)
    if text is None or "meta" not in case.parts:
        return None
    return Perturbed(case.name, text, {"title": case.gold.title}, None)


@perturbation
def opening_wrapped_colon_untitled(case: Case) -> Perturbed | None:
    """The title removed and the wrapped opening (…开展 / 情况总结如下：) put first: no title."""
    found = _without_title(case)
    if found is None:
        return None
    text = "\n".join(_WRAPPED_OPENING) + "\n" + found[0].lstrip("\n")
    head = [line.strip() for line in found[0].split("\n") if line.strip()][:10]
    if any(len(line) <= 40 and _TITLE_WORDS.search(line) for line in head):
        return None  # another title-like line is left: the title is not scored
    return Perturbed(case.name, text, {**found[1], "title": None}, None)


@perturbation
def collection_flattened_intro(case: Case) -> Perturbed | None:
    """A collection page flattened onto one line with the editor's intro first (下面是小编整理的…，欢迎
    阅读。) and the article's title after it: title, community, year and period as the gold."""
    g = case.gold
    span = title_line(case)
    if span is None or case.text[: span[0]].strip() or not g.title:
        return None
    intro = f"下面是小编为大家收集整理的{g.title}，仅供参考，欢迎大家阅读。"
    text = re.sub(r"[ \t\u3000\r]*\n[ \t\u3000\r\n]*", "", intro + "\n" + case.text)
    return Perturbed(case.name, text, meta_gold(case), None)


def _opening_period(case: Case, line: str, period: str) -> Perturbed | None:
    g = case.gold
    if "meta" not in case.parts or g.period is not None or not g.title or _PERIOD_IN_TITLE.search(g.title):
        return None
    if "政府工作报告" in g.title:  # a government's report reviewing several years: no line of a 社区
        return None
    text = _after_title(case.text, case, (line,))
    if text is None:
        return None
    return Perturbed(case.name, text, {**meta_gold(case), "period": period}, heading_gold(case))


@perturbation
def first_half_in_opening(case: Case) -> Perturbed | None:
    """A first line 今年上半年，… under a title with no period word (gold period null): period H1."""
    return _opening_period(case, "今年上半年，社区在街道党工委的领导下，各项工作有序推进。", "H1")


@perturbation
def whole_year_in_opening(case: Case) -> Perturbed | None:
    """A first line 全年，社区… under a title with no period word (gold period null): period year."""
    return _opening_period(case, "回顾全年，社区在街道党工委的领导下，各项工作有序推进。", "year")


@perturbation
def annual_in_opening(case: Case) -> Perturbed | None:
    """A first line 本年度，社区… under a title with no period word (gold period null): period year."""
    return _opening_period(case, "本年度，社区在街道党工委的领导下，各项工作有序推进。", "year")


@perturbation
def first_half_after_year_in_title(case: Case) -> Perturbed | None:
    """上半年 written right after the title's leading year (2022年东湖社区… → 2022年上半年东湖社区…):
    period H1, the title as edited."""
    g, spans = case.gold, title_lines(case)
    if not spans or not g.title or g.year is None or _PERIOD_IN_TITLE.search(g.title):
        return None
    head = f"{g.year}年"
    if not g.title.startswith(head) or "政府工作报告" in g.title:
        return None
    title = head + "上半年" + g.title[len(head) :]
    text = _edit_lines(case.text, spans, lambda line: line.replace(g.title, title, 1))
    return Perturbed(case.name, text, {**meta_gold(case), "title": title, "period": "H1"}, heading_gold(case))

"""The title of a document: which of its first lines it is, and the title as written without a
site's numbering or a file name's suffix (GUIDELINES: title).

The title is the last short line before the first section (within the first lines) that names a
document type (总结/计划/报告/汇报/鉴定/简介 …) — of a page title, its variants and an article title,
the last one —, skipping site chrome and collection markers (精选18篇, 模板5篇): on a 范文 page that
is the article's own title (``20xx年村委会工作总结一``), not the page's. It is returned as the
ORIGINAL slice, conversion junk included (traditional stays traditional, as gold annotators write it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.records import Normalized
from nlp.resources import load_toml
from nlp.text.boilerplate import boilerplate_line, boilerplate_rules
from nlp.text.line_spans import SPACES, iter_lines, lines, strip_spaces
from nlp.text.meta_lexicon import MetaVocab, alternation, has_any, meta_vocab
from nlp.text.title_clean import clean_title, unspaced, without_site_tags
from nlp.text.tokens import pos_cut
from nlp.text.top_lines import SUBTITLE_DASHES, dateline_start, is_field, is_salutation

_BODY_END = "。；;！!？?，,"
_COLLECTION = re.compile(r"[（(]?(?:精选|精編|精编|模板|范文|優秀|优秀)?[\d一二三四五六七八九十]+篇[)）]?\s*$")
_COLLECTION_REACH = 40
_DATE_TAIL = re.compile(r"\s+\d{4}[-/.年]\d{1,2}.*$")
_TITLE_LINES = 10
# The head of a short first line that holds a sentence is a title glued to it only when it names its
# unit or year and holds no sentence's punctuation (东湖社区2021年上半年工作总结|今年以来，…).
_GLUED_HEAD = re.compile(
    r"^(?![为对在据按根经通围结落现])(?=[^，,。；;！!？?：:]*(?:社区|村|居委会|街道|镇|乡|(?:19|20)\d{2}))[^，,。；;！!？?：:]+$"
)
# A first line this short is a title when it ends in a document type (工作总结, 述职报告, 年终总结).
_FIRST_LINE_MIN = 4
_TITLE_LABEL = re.compile(r"(?:标题|題目|题目|標題)\s*[:：]\s*")
# What may follow a title on its original line and still belong to it as written.
_TITLE_TAIL = re.compile(r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)|[ \t\u3000]*篇?[ \t\u3000]*\d{1,2})+(?=[ \t\u3000\r]*(?:\n|$))")
_READING = re.compile(r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\))+")
_ARTICLE = re.compile(r"[\s\-—]*第\s*[\d一二三四五六七八九十]+\s*篇")


def segments(norm: Normalized, limit: int = _TITLE_LINES) -> list[tuple[int, int]]:
    r"""The first ``limit`` non-empty lines of the normalized text, the first original line of a
    joined run split off (a title line is never part of a paragraph: rule wrapped_continuation).

    >>> from nlp.text.normalize import normalize
    >>> n = normalize("东湖社区2022年工作总结\n" + "甲" * 27 + "，现将全年工作总\n结如下：一年来，社区" + "乙" * 20 + "。")
    >>> [n.text[s:e][:14] for s, e in segments(n)]
    ['东湖社区2022年工作总结', '甲甲甲甲甲甲甲甲甲甲甲甲甲甲', '结如下：一年来，社区乙乙乙乙']
    """
    out: list[tuple[int, int]] = []

    def add(s: int, e: int) -> None:
        s, e = strip_spaces(norm.text, s, e)
        if e > s:
            out.append((s, e))

    for s, e in iter_lines(norm.text):
        # rule wrapped_continuation: only the first original line of a joined run stands alone (a
        # title normalization joined to its paragraph); the lines after it continue one paragraph
        # (a PDF's wrapped lines: …现将有关情况总结如下：), they are no title
        joined = norm.offsets.joined_at(norm.original, s, e)
        if joined:
            add(s, joined[0])
            s = joined[0]
        add(s, e)
        if len(out) >= limit:
            break
    return out[:limit]


def find_title(
    text: str,
    first_section: int | None = None,
    segments: list[tuple[int, int]] | None = None,
) -> tuple[int, int] | None:
    r"""The title line's span in ``text``.

    >>> t = "当前位置：首页 > 工作总结\n社区工作总结精选(九篇)\n2021年东湖社区工作总结\n一年来，我社区……。"
    >>> s, e = find_title(t); t[s:e]
    '2021年东湖社区工作总结'
    >>> find_title("2018年，在街道党工委的领导下，我社区各项工作稳步推进。\n一、党建") is None
    True
    >>> t = "用好“三心”工作法\n——东湖社区2017年经验交流材料\n东湖社区地处城东。"; s, e = find_title(t); t[s:e]
    '用好“三心”工作法'
    >>> t = "工作总结\n一年来，我社区……。"; s, e = find_title(t); t[s:e]
    '工作总结'
    >>> find_title("一、党建\n全年开展活动8次。\n总结\n") is None
    True
    >>> t = "东湖社区2021年上半年工作总结今年以来，社区扎实推进各项工作。\n一、党建"; s, e = find_title(t); t[s:e]
    '东湖社区2021年上半年工作总结'
    >>> find_title("2021年，社区认真总结经验，扎实推进各项工作。\n一、党建") is None
    True
    >>> find_title("为落实年度计划要求，加强日常管理，开展夜间巡逻。") is None
    True
    """
    voc = meta_vocab()
    strong = voc.doc_types["summary"][:6] + voc.doc_types["plan"][:4] + voc.doc_types["report"][:6]
    words = voc.doc_types["summary"] + voc.doc_types["plan"] + voc.doc_types["report"] + voc.title_only
    found: list[tuple[int, int]] = []
    previous: tuple[int, int] | None = None
    spans = (segments or lines(text))[:_TITLE_LINES]
    for i, (s, e) in enumerate(spans):
        if first_section is not None and s >= first_section:
            break
        line = text[s:e]
        above, previous = previous, (s, e)
        if line.startswith(SUBTITLE_DASHES) and above is not None and _headline(text[above[0] : above[1]], voc):
            found.append(above)  # 用好“三心”工作法 / ——某社区…经验交流材料: the line above is the title
            continue
        if is_salutation(line):
            break  # 各位代表：opens the body; a heading after it is no title
        # a collection marker ends its line: reading the tail keeps a line of digits linear
        bare = without_site_tags(line)  # 【精选】2021年东湖社区工作总结 is a title, its tag no chrome
        # a title glued to its body (flattened page): a line too long for a title, or a first line
        # holding a sentence (东湖社区2021年上半年工作总结今年以来，…。) whose head is a title without
        # a sentence's punctuation; the chrome glued after it (时间：…, 小编) is the body's, not the title's
        short_glued = i == 0 and "。" in line and len(line) <= voc.title_max
        # (or, rule wrapped_continuation, a first line joined to the next that ends in no document word)
        joined_on = e < len(text) and text[e] != "\n" and not ends_in_type(unspaced(line), words)
        if bare and i == 0 and (len(line) > voc.title_max or short_glued or joined_on):
            begin = after_intro(line)
            label = _TITLE_LABEL.match(line, begin)  # 标题：东湖社区工作总结——2022年1月…
            begin = label.end() if label else begin
            end = glued_end(line[begin:], strong)
            end = None if end is None else begin + end
            if short_glued and end and (not _GLUED_HEAD.match(line[begin:end]) or line[end : end + 1] in "如了的和及与暨"):
                end = None  # 为落实年度计划要求，… / 现将上半年工作总结如下。: a sentence, no title before it
            if end and not has_any(voc.title_junk, line[begin:end]) and balanced(line[begin:end]):
                found.append((s + begin, s + end))
            continue
        if not bare or has_any(voc.title_junk, bare) or _COLLECTION.search(bare[-_COLLECTION_REACH:]) or is_field(bare):
            continue
        if len(line) > voc.title_max or short_glued:
            end = glued_end(line, strong)
            if end and line[end : end + 1] in SPACES and balanced(line[:end]):
                found.append((s, s + end))
            continue
        words_of_line = unspaced(line)
        joined = above is not None and continued(text[above[0] : above[1]], line)
        shortest = voc.title_min - (len(text[above[0] : above[1]]) if joined and above else 0)
        if i == 0 and words_of_line.endswith(strong):
            shortest = min(shortest, _FIRST_LINE_MIN)  # rule short_first_title: 工作总结 alone opens the file
        below = spans[i + 1] if i + 1 < len(spans) else None
        if below is not None and _comma_wrapped(line, text[below[0] : below[1]], words):
            found.append((s, below[1]))  # rule comma_wrapped_title: …工作回顾——凝心聚力谋发展, / 共建美好家园
            continue
        # a line ending in a colon announces what follows (…总结如下：): body, never a title
        if line[-1] in _BODY_END + "：:" or len(words_of_line) < shortest or line.count("，") + line.count(",") >= 2:
            continue
        if "。" in line:  # a sentence inside (a photo caption: 某某作报告。记者摄) is body, not a title
            continue
        if _announces(line, words):
            continue  # rule colon_announces: …开展情况: 1、周一… (a wrapped body line) announces its list
        if e < len(text) and text[e] != "\n" and not ends_in_type(words_of_line, words):
            continue  # rule wrapped_continuation: a line joined to what follows is a title only whole
        if joined and above is not None:  # rule split_word_title: …工作总 / 结 holds its word whole
            words_of_line = unspaced(text[above[0] : above[1]]) + words_of_line
        if has_any(words, words_of_line):
            # rule later_title_whole: below a whole title, a line is another title only when it is
            # whole too and holds no clause (…的发展思路 wrapped, 今年以来，…思路: body)
            if found and (not ends_in_type(words_of_line, words) or "，" in line or "," in line) and ends_in_type(
                unspaced(text[found[-1][0] : found[-1][1]]), words
            ):
                continue
            p = _TITLE_LABEL.match(line)
            start = s + (p.end() if p else 0)
            cut = dateline_start(line)
            tail = _DATE_TAIL.search(line)
            end = s + cut if cut is not None else s + tail.start() if tail else e
            if not p and joined and above is not None:
                if found and found[-1] == above:
                    found.pop()  # 2022年东湖社区工作总结暨 / 2023年工作计划: one title
                start = above[0]
            found.append((start, max(end, start + 1)))
    return most_specific(text, found)


# Rule editor_intro_glued: a flattened page that opens with a site's editor's intro (…下面是小编整理的
# …，欢迎阅读。, boilerplate.toml's editor_intro and preface rules), its collection headline before
# it, glues the article's title after the intro's sentence and the article's number (篇一：): the
# title is read there, as a glued title.
_INTRO_REACH = 300
_INTRO_RULES = ("editor_intro", "preface", "lead_in")
_INTRO_END = re.compile(r"[。！!]")
_ARTICLE_NUMBER = re.compile(r"\s*[【\[]?\s*(?:第\s*[\d一二三四五六七八九十]+\s*篇|(?:范文|篇)\s*[\d一二三四五六七八九十]{1,3})\s*[】\]:：、]?\s*")


@cache
def _intro_words() -> tuple[str, ...]:
    return tuple(load_toml("meta.toml")["doc_type"]["intro_words"])


def after_intro(line: str) -> int:
    """Where the article starts after the editor's intro opening a flattened line (rule
    editor_intro_glued), else 0: the intro is the sentence an intro rule of boilerplate.toml finds
    (…小编整理的…。, 导语：…。) and every sentence after it that holds an intro word (meta.toml
    [doc_type.intro_words]), then an article number (篇一：).

    >>> line = "社区工作总结（精选3篇）下面是小编整理的社区工作总结，欢迎阅读。篇一：东湖社区2022年工作总结2022年，…"
    >>> line[after_intro(line) :][:13]
    '东湖社区2022年工作总结'
    >>> line = "以下是小编整理的村级工作计划。时光飞逝。接下来小编为您奉上村级工作计划!村级工作计划1为了…"
    >>> line[after_intro(line) :][:7]
    '村级工作计划1'
    >>> line = "导语：年底将至。下面是本站为大家整理的村委会工作总结，欢迎阅读。村委会工作总结2021年，…"
    >>> line[after_intro(line) :][:7]
    '村委会工作总结'
    >>> after_intro("东湖社区2022年工作总结今年以来，社区扎实推进各项工作。")
    0
    """
    rules = [rule.pattern for rule in boilerplate_rules()[1] if rule.name in _INTRO_RULES]
    at = 0
    while True:
        stop = None
        for pattern in rules:
            found = pattern.search(line, at, at + _INTRO_REACH)
            stop = _INTRO_END.search(line, found.end(), at + _INTRO_REACH) if found else None
            if stop:
                break
        if stop is None and at:  # a sentence after the intro that holds an intro word is the intro's
            stop = _INTRO_END.search(line, at, at + _INTRO_REACH)
            stop = stop if stop and has_any(_intro_words(), line[at : stop.start()]) else None
        if stop is None:
            return at
        number = _ARTICLE_NUMBER.match(line, stop.end())
        at = number.end() if number else stop.end()


# Rule colon_announces: a document word right before a colon that a list item or a clause follows
# (…以下是本月开展情况: 1、周一至周五…; 现将工作情况：一是…，二是…) announces the body; a title's subtitle
# after a colon holds no list label and no clause.
_AFTER_COLON = re.compile(r"\s*[:：]\s*(?:[（(]?[\d一二三四五六七八九十]{1,2}[、.．)）]|[^:：]*[，,；;])")


def _announces(line: str, words: tuple[str, ...] | list[str]) -> bool:
    """Whether a document word of ``line`` is followed by a colon and a list item or clause.

    >>> _announces("展情况: 1、周一至周五7:00至9:00,下午16:00", ["情况"]), _announces("东湖社区2021年工作总结：凝心聚力谋发展", ["总结"])
    (True, False)
    """
    if ":" not in line and "：" not in line:
        return False
    for word in words:
        at = line.find(word)
        while at >= 0:
            if _AFTER_COLON.match(line, at + len(word)):
                return True
            at = line.find(word, at + 1)
    return False


_TYPE_TAIL = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|篇?\d{1,2}|[一二三四五六七八九十]{1,2}|[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）])+$")


def ends_in_type(line: str, words: tuple[str, ...] | list[str]) -> bool:
    """Whether a line ends in a document word, a site's label, article number or pinyin reading
    after it (东湖社区工作总结范文(一)): how a title that normalization joined to its paragraph ends;
    a wrapped paragraph's first line (…将一年来的工作情况向在) does not.

    >>> ends_in_type("东湖社区工作总结范文(一)", ["总结"]), ends_in_type("将一年来的工作情况向在", ["情况"])
    (True, False)
    >>> ends_in_type("东湖社区工作总结二", ["总结"]), ends_in_type("东湖社区的发展思路，坚持以人为本", ["思路"])
    (True, False)
    >>> ends_in_type("东湖社区工作总结_1", ["总结"]), ends_in_type("东湖社区工作总结 - 某某文库", ["总结"])
    (True, True)
    >>> ends_in_type("东湖社区2020年工作回顾——携手共建美好家园", ["回顾"])
    True
    """
    bare = _SITE_LABEL.sub("", _TYPE_TAIL.sub("", clean_title(without_site_tags(line)) or ""))
    head = re.split(r"——|—|--", bare, maxsplit=1)[0]  # …工作回顾——点滴汇聚…: a title and its subtitle
    return bare.endswith(tuple(words)) or head.endswith(tuple(words))


# Rule glued_title_end: a title glued to its body (a flattened page) ends at the FIRST document-type
# word (or 简介) within its first 40 characters that nothing of a title continues: not a conjunction
# joining a second part (工作总结和…工作计划), not another document word (工作总结报告), a site's
# label kept (…工作计划范文), a collection's or page's number after it left out ((精选14篇), (10)).
# The longest prefix instead ran over the body's own first line (…报告根据会议安排，现将…汇报) or a
# repeated title (…工作总结…工作总结).
_GLUED_REACH = 40
_GLUED_LABEL = re.compile(r"(?:范文|范本|模板|模版|例文|範文|範本)*")
_GLUED_TAIL = re.compile(r"\s*(?:[（(](?:精选|精選)?[\d一二三四五六七八九十]+篇?[)）]|篇\s*\d{1,2})")
_GLUED_ON = re.compile(r"[和及暨与與并並]|(?:报告|報告|汇报|匯報|材料)")
_GLUED_COUNT = re.compile(r"[\d一二三四五六七八九十]+篇")
_GLUED_EXTRA = ("简介", "簡介")


def glued_end(line: str, strong: tuple[str, ...] | list[str]) -> int | None:
    """Where a title glued to its body ends in ``line`` (rule glued_title_end), or None.

    >>> glued_end("东湖社区基本情况简介一、基本情况东湖社区位于城东，辖区面积2平方公里。", ["总结"])
    10
    >>> line = "2023年东湖社区工作总结和2024年工作计划范文今年以来，社区扎实推进各项工作。"
    >>> line[: glued_end(line, ["总结", "计划"])]
    '2023年东湖社区工作总结和2024年工作计划范文'
    >>> line = "西岭村党支部关于2022年度工作报告按照镇党委要求，现将有关情况报告如下。"
    >>> line[: glued_end(line, ["报告"])]
    '西岭村党支部关于2022年度工作报告'
    >>> glued_end("2023年，社区认真总结经验，扎实推进各项工作。", ["总结"]) is None
    True
    """
    head = line[: _GLUED_REACH + 4]
    words = alternation([*strong, *_GLUED_EXTRA])
    for m in re.finditer(words, head):
        end = m.end()
        if end < meta_vocab().title_min or end > _GLUED_REACH + 4:
            continue
        if re.search(r"[，,。；;！!？?]", line[:end]):
            return None  # a sentence opens the line: no title before it
        labelled = _GLUED_LABEL.match(line, end).end()
        if not _GLUED_COUNT.match(line, labelled):  # 工作总结范文4篇: the label is the collection's
            end = labelled
        after = line[end:]
        if _GLUED_ON.match(after):
            continue
        if after[:1] in "如了的":
            return None  # 现将工作总结如下: a sentence
        tail = _GLUED_TAIL.match(after)
        if tail and _GLUED_ON.match(after[tail.end():]):
            continue
        return end
    return None


# Rule slogan_headline: a first line made of two or three parallel phrases (打造平安社区 建设和谐家园),
# each four to twelve characters, without a sentence's punctuation, right above a paragraph, is the
# title of a report whose title names no report word (an experience paper, a feature).
_SLOGAN = re.compile(r"^[\u4e00-\u9fff“”]{4,12}(?:[ \u3000]+[\u4e00-\u9fff“”]{4,12}){1,2}$")


def _slogan_headline(norm: Normalized, first_section: int | None) -> tuple[int, int] | None:
    r"""The first line's span as the title when it is a slogan headline over a paragraph (rule
    slogan_headline); read in the original, where the space between the phrases stands.

    >>> from nlp.text.normalize import normalize
    >>> n = normalize("打造平安社区 建设和谐家园\n2023年，枫树湾社区以平安建设为主线，不断提升居民的安全感。")
    >>> s, e = _slogan_headline(n, None); n.text[s:e]
    '打造平安社区建设和谐家园'
    >>> _slogan_headline(normalize("首页 工作总结 社区工作\n2023年，社区以平安建设为主线，不断提升居民的安全感和满意度。"), None)
    """
    first = segments(norm)[:2]
    if len(first) < 2 or (first_section is not None and first[1][0] >= first_section):
        return None
    (s, e), (ns, ne) = first
    os_, oe = norm.to_original(s, e)
    line, below = norm.original[os_:oe].strip(SPACES), norm.text[ns:ne]
    if not _SLOGAN.match(line) or has_any(meta_vocab().title_junk, line) or len(below) < 30 or "。" not in below:
        return None
    return s, e


_BROKEN_AFTER = re.compile(
    r"(?:(?:19|20)\d{2}|20[xX×]{2}|[〇零一二三四五六七八九]{4})\s*年度?$|(?:暨|及|和|与|并|关于)$"
    r"|(?:上半年|下半年|季度|年度|全年|年终)$"  # 2019年下半年 / 社区帮扶工作总结: a period ends no title
)
_BROKEN_BEFORE = re.compile(r"^(?:暨|及|和|与|并)")
_UPPER_MAX = 30


def continued(upper: str, line: str) -> bool:
    """Rule two_line_title: a title broken over two lines, the upper line ending where no title
    ends (a year: 东湖社区2022年 / 工作总结; a conjunction: …工作总结暨 / 2023年工作计划) or the
    lower one starting with a conjunction (暨2023年工作计划).

    >>> continued("东湖社区2022年", "工作总结"), continued("2022年东湖社区工作总结暨", "2023年工作计划")
    (True, True)
    >>> continued("某某范文网", "东湖社区工作总结"), continued("2022年1月5日，社区召开会议。", "工作总结")
    (False, False)
    """
    if len(upper) > _UPPER_MAX or upper[-1] in _BODY_END or "。" in upper or is_salutation(upper) or is_field(upper):
        return False
    if has_any(meta_vocab().title_junk, upper) or _COLLECTION.search(upper):
        return False
    if _BROKEN_AFTER.search(upper) or _BROKEN_BEFORE.match(line) or _word_across(upper, line):
        return True
    # a year broken: 高唐县2021 / 年政府工作报告, …关于2 / 023年度工作报告
    joined = upper + line
    return any(m.start() < len(upper) < m.end() for m in _YEAR_WORD.finditer(joined, max(0, len(upper) - 5)))


_YEAR_WORD = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_COMMA_TAIL_MAX = 16


def _comma_wrapped(line: str, below: str, words: tuple[str, ...] | list[str]) -> bool:
    """Rule comma_wrapped_title: a title with a slogan subtitle that a PDF broke after its comma (…
    工作回顾——凝心聚力谋发展, / 共建美好家园): the upper line is a title up to the comma (a document word
    before its dash), the lower one a short phrase without any punctuation.

    >>> _comma_wrapped("东湖社区2020年工作回顾——凝心聚力谋发展,", "共建美好家园", ["回顾"])
    True
    >>> _comma_wrapped("2021年，社区认真总结经验,", "扎实推进各项工作", ["总结"])
    False
    """
    if line[-1:] not in "，," or "。" in line or len(line) > meta_vocab().title_max or not ends_in_type(line[:-1], words):
        return False
    if line[:-1].count("，") + line[:-1].count(",") or _GLUED_HEAD_STOP.match(line):
        return False
    return 0 < len(below) <= _COMMA_TAIL_MAX and not re.search(r"[，,。；;！!？?：:、]", below)


# What opens a sentence, not a title: a first clause like 2021年， / 为… before a comma.
_GLUED_HEAD_STOP = re.compile(r"^[为对在据按根经通围结落现今]")


@cache
def _type_words() -> tuple[str, ...]:
    kinds = meta_vocab().doc_types
    return tuple(kinds["summary"] + kinds["plan"] + kinds["report"])


def _word_across(upper: str, line: str) -> bool:
    """Rule split_word_title: a title a PDF broke inside a word (2022年上半 / 年社区工作总结, …工作总
    / 结): a word of the joined line runs across the break, and the upper line is no title itself.

    >>> _word_across("2022年上半", "年社区工作总结"), _word_across("金桥村2021年度乡村振兴工作总", "结")
    (True, True)
    >>> _word_across("东湖社区居民委员会", "2022年工作总结"), _word_across("工作报告", "2021年阜平县政府工作报告")
    (False, False)
    """
    if not (_CJK.match(upper[-1:]) and _CJK.match(line[:1])):
        return False  # 2019-05-06 / 2018年…: digits run on, no word is broken
    types = _type_words()
    if upper.endswith(types) or not has_any(types, upper + line) or not ends_in_type(upper + line, types):
        return False  # the upper line is a title itself, or the two make none
    at = 0
    for word, _ in pos_cut(upper + line):
        if at < len(upper) < at + len(word):
            return True
        at += len(word)
    return False


def _headline(line: str, voc: MetaVocab) -> bool:
    """Whether a line can be a title that names no document type (a slogan above its subtitle)."""
    return voc.title_min <= len(line) <= voc.title_max and line[-1] not in _BODY_END and "。" not in line


def balanced(span: str) -> bool:
    """Whether no 《…》 or “…” is left open in ``span``: a title is never cut inside a quoted name, a
    sentence that quotes a document's name (…落实《关于加强人口和计划生育工作的决定》) is.

    >>> balanced("2023年东湖社区“三治融合”工作总结"), balanced("为了贯彻落实《关于全面加强人口和计划")
    (True, False)
    """
    return span.count("《") <= span.count("》") and span.count("“") <= span.count("”")


def most_specific(text: str, candidates: list[tuple[int, int]]) -> tuple[int, int] | None:
    r"""The last title candidate, unless an earlier one writes it out more fully: a page headline
    (2008年国务院政府工作报告) above the document's own generic title line (政府工作报告).

    >>> t = "2023年东湖社区工作总结\n工作总结"; s, e = most_specific(t, [(0, 13), (14, 18)]); t[s:e]
    '2023年东湖社区工作总结'
    >>> t = "东湖社区工作总结范文\n东湖社区工作总结"; s, e = most_specific(t, [(0, 10), (11, 19)]); t[s:e]
    '东湖社区工作总结'
    >>> t = "东湖社区工作总结(精选6篇)\n东湖社区工作总结"; s, e = most_specific(t, [(0, 14), (15, 23)]); t[s:e]
    '东湖社区工作总结'
    """
    if not candidates:
        return None
    last = candidates[-1]
    short = unspaced(without_site_tags(text[last[0] : last[1]]))
    for span in candidates[:-1]:
        # rule collection_page_title: a page's title is no fuller for its collection's count
        # (东湖社区工作总结(精选6篇) above the article's 东湖社区工作总结)
        full = unspaced(without_site_tags(text[span[0] : span[1]]))
        if short in full and len(full) > len(short) and _SITE_LABEL.sub("", full) != short:
            return span
    return last


# A sharing site's label after a page headline (…工作总结范文): the article's own title below it,
# without the label, is the document's title, not a shorter form of it.
_SITE_LABEL = re.compile(r"(?:范文|范本|模板|模版|大全|例文|样本|範文|範本)+$")


@dataclass(frozen=True)
class Title:
    """A document's title: as written in the original (``None`` when there is none), its line in
    the normalized text (``""``), where that line starts and where the body after it starts."""

    text: str | None
    normalized: str
    start: int
    body_from: int


def _chrome_follows(original: str, end: int) -> bool:
    """Whether the original line after ``end``'s line is a site's chrome (当前位置：首页 > …)."""
    start = original.find("\n", end)
    while start >= 0:
        stop = original.find("\n", start + 1)
        line = original[start + 1 : len(original) if stop < 0 else stop].strip()
        if line:
            return boilerplate_line(line) is not None or has_any(meta_vocab().title_junk, line)
        start = stop
    return False


def document_title(norm: Normalized, first_section: int | None) -> Title:
    """The title of a normalized document whose first section starts at ``first_section``."""
    span = find_title(norm.text, first_section, segments(norm)) or _slogan_headline(norm, first_section)
    if not span:
        return Title(None, "", 0, 0)
    os_, oe = norm.to_original(*span)
    if len(unspaced(norm.text[span[0] : span[1]])) < meta_vocab().title_min and _chrome_follows(norm.original, oe):
        return Title(None, "", 0, 0)  # rule short_first_title: 工作计划 / 当前位置：… is a site's column
    line_start = norm.original.rfind("\n", 0, os_) + 1
    marker = _ARTICLE.match(norm.original, line_start)
    if marker and marker.end() <= os_:  # 第1篇：… removed as chrome, but part of the title line
        os_ = line_start
    junk = _TITLE_TAIL.match(norm.original, oe)  # 總結(jié), 篇1: keep the title as written
    reading = _READING.match(norm.original, oe)  # 總結(jié)(一), 總結(jié)今年…: the reading is the title's
    oe = junk.end() if junk else reading.end() if reading else oe
    return Title(clean_title(norm.original[os_:oe].strip(SPACES)) or None, norm.text[span[0] : span[1]], span[0], span[1])

"""ZJ3xx: consistency inside one document — one value per standing figure, one period."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from nlp.checks.contexts import Context, contexts
from nlp.checks.framing import framing_part_of_year
from nlp.checks.intervals import fact_interval, fmt_interval, has_any, vocab
from nlp.checks.registry import Finding, rule
from nlp.records import Parse, Qualifier, Scope, Severity

# A reported year: 19xx/20xx年, not inside a number or a range. The look back at the character
# before the year is made after its first two digits, so the scan jumps from 1 and 2 to the next
# (the same matches as (?<![\d\-—～~至到])((?:19|20)\d\d)…; a test holds it to that).
_YEAR = re.compile(r"((?:19|20)(?<![\d\-—～~至到]..)\d\d)\s*年(?![\d]*[\-—～~至到])")
_PERIOD_NAMES = {"H1": "上半年", "H2": "下半年", "Q1": "一季度", "Q2": "二季度", "Q3": "三季度", "Q4": "四季度"}
_NOT_REPORTED = ("以来", "起", "前", "成立", "建成", "始建", "度")


def _stock_tail(label: str) -> str | None:
    """The 共/总数 a standing figure's words end with (全社区低保户共18户), when no activity verb
    makes it a count of things done (全年开展活动共12次)."""
    markers = vocab()["markers"]
    text = label.strip(" 、，,：:")
    if not text.endswith(tuple(markers["stock_tails"])):
        return None  # (most labels: no tail to try longest first)
    for tail in sorted(markers["stock_tails"], key=len, reverse=True):
        if text.endswith(tail) and len(text) > len(tail) and not has_any(text, markers["activity_verbs"]):
            return tail
    return None


@lru_cache(maxsize=4096)  # asked of every figure's label; labels recur
def scope_key(label: str) -> str | None:
    """The words that name a standing figure, without existence markers and the document's own scope.

    None when the label is not an existence statement (现有/共有/…, or a noun then 共/总数).

    >>> scope_key("社区现有党员"), scope_key("全村共有党员"), scope_key("一组现有党员"), scope_key("发展党员")
    ('党员', '党员', '一组党员', None)
    >>> scope_key("目前全社区低保户共"), scope_key("村里共有公益性岗位"), scope_key("全年开展活动共")
    ('低保户', '公益性岗位', None)
    """
    markers = vocab()["markers"]
    existence = markers["existence"]
    tail = _stock_tail(label)
    if not has_any(label, existence) and tail is None and not _place_has(label):
        return None
    text = label.strip(" 、，,：:")
    if tail:
        text = text[: -len(tail)]
    if _place_has(text):  # 村里有机井 → 机井 (本村有 holds 村有: not replaced as a marker)
        return _without_own_scope(
            _strip_prefixes(_strip_prefixes(text, markers["time_before_place"]), markers["own_scope"])[1:]
        )
    for marker in sorted(existence, key=len, reverse=True):
        text = text.replace(marker, "")
    return _without_own_scope(text)


def _place_has(label: str) -> bool:
    """The words open with a place word of the report's own place then 有 (rule ``place_has``:
    村里有机井36口, 本村有党员46名, 辖区内有…): an existence statement however the place is spelled."""
    markers = vocab()["markers"]
    text = _strip_prefixes(label.strip(" 、，,：:"), markers["time_before_place"])
    words = (*markers["place_level"], "辖区", "辖区内")
    if not text.startswith(words):
        return False  # (most labels open with no place word: none to try longest first)
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word):
            rest = text[len(word) :]
            return rest.startswith("有") and not rest.startswith(tuple(markers["not_has"]))
    return False


def standing_key(c: Context, text: str) -> str | None:
    """The words naming a standing figure: ``scope_key`` of its label; or the noun of a whole group
    (为全体586名注册志愿者, 组织全体党员118名 → 注册志愿者, 党员); or a size reached at a date (截至12月20日，
    社区注册志愿者达到612名 → 注册志愿者). None when the figure is no standing figure."""
    key = scope_key(c.label)
    if key:
        return key
    markers = vocab()["markers"]
    label = c.label.strip(" 、，,：:")
    if label.endswith(tuple(markers["whole_group"])):
        return c.fact.subject or None
    for word in markers["whole_group"]:  # 组织全体党员118名: the group named before the figure
        at = label.rfind(word)
        if at >= 0 and 2 <= len(label) - at - len(word) <= 6 and c.family != "%":
            noun = label[at + len(word) :]
            return None if has_any(noun, markers["activity_verbs"]) else noun
    place_key = _place_whole_key(c, label)
    if place_key:
        return place_key
    if not text.startswith(tuple(markers["point_in_time"]), c.sent_start) or has_any(label, markers["activity_verbs"]):
        return None
    for verb in sorted(markers["stock_verbs"], key=len, reverse=True):
        if label.endswith(verb) and len(label) > len(verb):
            return _without_own_scope(label[: -len(verb)])
    return None


def _place_whole_key(c: Context, label: str) -> str | None:
    """The noun after a figure that the document's own place counts whole (rule ``place_whole``):
    全村33户低保户中…, 为全村316户牧民发放… → 低保户, 牧民; a place without 全 only when the group
    is then taken as a whole (辖区68名党员中… → 党员; 为辖区15户困难家庭的子女… names some families)."""
    markers = vocab()["markers"]
    bare = label
    for word in markers["place_whole_before"]:
        if bare.startswith(word):
            bare = bare[len(word) :]
            break
    whole, among = bare in markers["place_whole"], bare in markers["place_among"]
    if not (whole or among) or c.family == "%":
        return None
    after = c.after
    subject = c.fact.subject or ""
    if len(subject) >= 2 and after.startswith(subject):
        noun = subject
    else:
        cut = min((at for at in (after.find(ch) for ch in "中的，,、") if at >= 0), default=-1)
        noun = after[:cut] if cut >= 0 else ""
    if not 2 <= len(noun) <= 6 or has_any(noun, markers["activity_verbs"]):
        return None
    if not whole and not after.startswith(noun + "中"):
        return None
    return noun


def _place_of(c: Context, scope: Scope | None, level: str, text: str) -> Scope | tuple | None:
    """Whose standing figure it is, for comparing two statements of it (rule ``same_place_word``).

    A label opening with a bare word for a place of one level (全村, 本村, 村里, 村内 …: the 村; 全社区,
    本社区 …: the 社区; ``[markers] place_level``) names that place however the word is spelled: in a
    community's or village's report it is the report's own unit, in a township's or county's report
    the one village or community the passage is about — so 全村现有公益性岗位27个 and 村里共有公益性岗位
    34个 are one figure in either, where the fact's scope reads 全村 as a part and 村里 as the unit.
    Any other label keeps the fact's scope (辖区 is the report's own area: in a township's report
    辖区现有低保户 and 全社区低保户共 are two places). Above a village's level the village is the
    one last named before the figure, when one is (一、青山村…全村现有党员46名 … 二、石门村…全村现有党员
    60名 are two villages).
    """
    place_level: dict[str, str] = vocab()["markers"]["place_level"]
    label = _strip_prefixes(c.label.strip(" 、，,：:"), vocab()["markers"]["time_before_place"])
    for word in sorted(place_level, key=len, reverse=True):
        if label.startswith(word):
            if level == "community":
                return Scope.UNIT
            kind = place_level[word]
            return ("place", kind, _last_named(text, c.fact.norm_start, kind))
    return scope


# A township's report about several villages names the one a passage is about within this many
# characters before its figures (its heading or first sentence).
NAMED_PLACE_BEFORE = 300


def _last_named(text: str, at: int, kind: str) -> str | None:
    """The last place of that kind named in the text before ``at`` (青山村 for 全村 in a passage
    about 青山村), None when none is: in a report about several villages, 全村 in two passages
    names two villages."""
    from nlp.figures.scope import named_places

    start = max(0, at - NAMED_PLACE_BEFORE)
    names = [name for name, _, _ in named_places(text[start:at]) if name.endswith(kind)]
    return names[-1][:2] if names else None


def _without_own_scope(text: str) -> str | None:
    """The words without the document's own scope before them, and without its own party bodies
    when what is left is their members (rule ``own_bodies``: 居委会党支部现有党员 and 辖区…党员 name
    the same members; 村委会成员 and 两委成员 do not).

    >>> _without_own_scope("居委会党支部党员"), _without_own_scope("社区党委党员"), _without_own_scope("第二党支部党员")
    ('党员', '党员', '第二党支部党员')
    >>> _without_own_scope("村委会成员"), _without_own_scope("全村低保户")
    ('村委会成员', '低保户')
    """
    markers = vocab()["markers"]
    own = _strip_prefixes(text, markers["own_scope"])
    members = _strip_prefixes(own, markers["own_scope"] + markers["own_bodies"])
    text = members if members.strip(" 、，,：:") in markers["body_members"] else own
    return text.strip(" 、，,：:") or None


def _strip_prefixes(text: str, words: list[str]) -> str:
    if not text.startswith(tuple(words)):
        return text  # (most texts open with none of the words)
    ordered = sorted(words, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for prefix in ordered:
            if text.startswith(prefix):
                text, changed = text[len(prefix) :], True
                break
    return text


@rule("ZJ301", "conflicting_values", Severity.WARNING)
def conflicting_values(parse: Parse) -> Iterator[Finding]:
    """One standing figure is given two different values for the same scope in one document.

    What: two statements of a standing figure (现有/共有/总人口 …, a noun then 共/总数, 全体N名X, or
    a size reached at a date: 截至…，X达到N) with the
    same subject words once the document's own scope words are dropped (全村, 社区, 目前 …), the
    same breakdown and scope (when known), no two different indicators, the same unit of counting (口, 座, 支 …),
    neither a sub-group (其中, 新增, 女, 流动 …), a plan nor a parenthesis about another year or area,
    whose readings do not overlap — anywhere in the document. Activity counts are never compared.
    A bare word for the place (全村, 村里, 本村 …) names one place however it is spelled (rule
    ``same_place_word``), and a place word then 有 states what exists there (rule ``place_has``).
    Why: a community has one number of party members at a time; two of them means one is stale.
    Example: 社区现有党员41名 … 全社区共有党员45名.
    """
    sub_scope = vocab()["markers"]["sub_scope"]
    text = parse.normalized.text if parse.normalized is not None else ""
    level = parse.doc.level or "community"
    seen: dict[tuple, dict] = {}
    masked = Qualifier.MASKED  # (read once, not per figure: an enum member read from its class is slow)
    for c in contexts(parse):
        f = c.fact
        if f.planned or f.qualifier == masked or c.aside:
            continue
        key = standing_key(c, text)
        if not key or has_any(key, sub_scope) or has_any(c.label, ("其中", "每", "各")):
            continue
        part = tuple(sorted(f.breakdown.items())) if f.breakdown else None
        group = (part, _place_of(c, f.scope, level, text), key, c.family)  # 全市… never conflicts with the unit's
        iv = c.interval
        if iv is None:
            continue
        earlier_values = seen.setdefault(group, {})  # one entry per distinct reading: a repeated figure costs nothing
        for earlier, eiv in earlier_values.values():
            if f.indicator and earlier.indicator and f.indicator != earlier.indicator:
                continue  # two indicators named by the same words: not one figure
            if not iv.overlaps(eiv):
                yield Finding(
                    f.start,
                    f.end,
                    f"{key} 前文为 {earlier.text}（{fmt_interval(eiv)}），此处为 {f.text}（{fmt_interval(iv)}）",
                    (earlier.id, f.id),
                )
                break
        earlier_values.setdefault((iv.low, iv.high, f.indicator), (f, iv))


def body_years(parse: Parse) -> Counter:
    """Years the body reports work in: 2019年 counted, ranges, 以来 and 年度 awards are not."""
    norm = parse.normalized
    text = norm.text
    title = parse.doc.title or ""
    skip_to = text.find(title) + len(title) if title and title in text else 0
    years: Counter = Counter()
    for m in _YEAR.finditer(text, skip_to):
        after = text[m.end() : m.end() + 4]
        if (
            after.startswith(_NOT_REPORTED)
            or re.match(r"\d{1,2}月", text[m.end() : m.end() + 3])
            and "以来" in after
        ):
            continue
        years[int(m.group(1))] += 1
    return years


@rule("ZJ302", "period_mismatch", Severity.WARNING)
def period_mismatch(parse: Parse) -> Iterator[Finding]:
    """The year in the title disagrees with the years the body reports.

    What: the title names a year, the body never mentions it, and the body's most frequent
    reported year (at least twice) is another one — allowing a plan to review the year before.
    Why: a report filed under the wrong year, or a template whose title was updated but not its body.
    Example: title 2021年工作总结, body 2019年上半年…2019年共开展… throughout.
    Also (rule framing_part_of_year, nlp/checks/framing.py): a title naming a whole year's report
    whose opening frames it as a half or a quarter (现将1—6月份工作情况汇报如下).
    """
    framed = framing_part_of_year(parse)
    if framed is not None:  # 2021年工作汇报 framed as 现将1—6月份工作汇报如下
        start, end, period = framed
        yield Finding(start, end, f"标题为全年报告，开头所述时段为 {_PERIOD_NAMES[period]}")
    title = parse.doc.title or ""
    m = re.search(r"((?:19|20)\d\d)", title)
    if not m or parse.normalized is None:
        return
    year = int(m.group(1))
    years = body_years(parse)
    if not years or year in years:
        return
    dominant, count = years.most_common(1)[0]
    allowed = {year + 1}
    if parse.doc.doc_type.value in ("plan", "mixed") or "计划" in title or "规划" in title:
        allowed.add(year - 1)
    if count < 2 or dominant in allowed:
        return
    norm = parse.normalized
    first = next(
        y
        for y in _YEAR.finditer(norm.text, norm.text.find(title) + len(title) if title in norm.text else 0)
        if int(y.group(1)) == dominant
    )
    start, end = norm.to_original(first.start(), first.end())
    yield Finding(start, end, f"标题年份 {year} 与正文所报年份 {dominant}（出现{count}次）不符")


@rule("ZJ303", "approximate_figure", Severity.INFO)
def approximate_figure(parse: Parse) -> Iterator[Finding]:
    """A figure is approximate (余, 多, 约, 近, 左右).

    What: one finding per fact whose qualifier is approx, with the interval it stands for.
    Why: approximate figures cannot be summed or compared exactly; a reviewer may want counts.
    Example: 开展巡逻300余次 → [300, 400].
    """
    approx = Qualifier.APPROX  # (read once, not per figure)
    for f in parse.facts:
        if f.qualifier != approx:
            continue
        iv = fact_interval(f)
        span = f"，可能的取值 {fmt_interval(iv)}" if iv else ""
        yield Finding(f.start, f.end, f"{f.text} 为约数{span}", (f.id,))

"""Standing figures (现有党员41名, 全社区低保户共18户, 全体586名注册志愿者, 截至…达到612名): the words that
name what a statement counts, without the document's own scope, and whose figure it is. Read by the
ZJ301 ``conflicting_values`` rule (nlp/checks/consistency.py) and by arithmetic.py and subsets.py."""

from __future__ import annotations

from functools import lru_cache

from nlp.checks.contexts import Context
from nlp.checks.intervals import has_any, vocab
from nlp.records import Scope


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


def place_of(c: Context, scope: Scope | None, level: str, text: str) -> Scope | tuple | None:
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

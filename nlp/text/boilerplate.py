"""A site's boilerplate: whole lines (page chrome, notices, link lists) and inline phrases a
sharing site adds, and the trailing block of links after the document, as deletion edits.

Patterns are data (``boilerplate.toml``); this module only builds the regexes once and turns
matches into ``Edit``s against the text it is given.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from nlp.errors import ResourceError
from nlp.resources import load_toml
from nlp.text.spans import Edit, first_wins

_BOILERPLATE_FILE = "boilerplate.toml"
_SENTENCE_END = re.compile(r"[。！？!?]")


@dataclass(frozen=True)
class LineRule:
    """A whole-line rule; a line it matches is kept when it also matches ``keep_closing`` and no
    sentence of the document follows it (the document's own closing lines, not a page's chrome)."""

    name: str
    pattern: re.Pattern[str]
    max_len: int
    keep_closing: re.Pattern[str] | None = None
    keep_alone: bool = False


def _compile(pattern: str, file: str, name: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ResourceError(file, None, f"pattern {name!r}: {exc}") from exc


def _compile(pattern: str, file: str, name: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ResourceError(file, None, f"pattern {name!r}: {exc}") from exc


@cache
def boilerplate_rules() -> tuple[tuple[re.Pattern[str], ...], tuple[LineRule, ...]]:
    """The compiled inline patterns and line rules of ``boilerplate.toml``."""
    data = load_toml(_BOILERPLATE_FILE)
    inline = []
    for i, rule in enumerate(data.get("inline", [])):
        name = rule.get("name", f"inline[{i}]")
        if "pattern" not in rule:
            raise ResourceError(_BOILERPLATE_FILE, None, f"{name}: missing 'pattern'")
        inline.append(_compile(rule["pattern"], _BOILERPLATE_FILE, name))
    lines = []
    for i, rule in enumerate(data.get("line", [])):
        name = rule.get("name", f"line[{i}]")
        if "pattern" not in rule or not isinstance(rule.get("max_len"), int):
            raise ResourceError(_BOILERPLATE_FILE, None, f"{name}: needs 'pattern' and integer 'max_len'")
        keep = rule.get("keep_closing")
        lines.append(
            LineRule(
                name,
                _compile(rule["pattern"], _BOILERPLATE_FILE, name),
                rule["max_len"],
                _compile(keep, _BOILERPLATE_FILE, f"{name}.keep_closing") if keep else None,
                bool(rule.get("keep_alone", False)),
            )
        )
    return tuple(inline), tuple(lines)


def boilerplate_line(line: str, closing: bool = False) -> str | None:
    """The name of the line rule a (stripped) line falls under, or None. ``closing``: no sentence
    of the document follows the line, so a rule's ``keep_closing`` lines are the document's own.

    >>> boilerplate_line("下面是小编整理的社区工作总结,欢迎阅读。")
    'editor_intro'
    >>> boilerplate_line("— 12 —")
    'page_number'
    >>> boilerplate_line("社区现有党员73名,其中女党员31名。") is None
    True
    >>> boilerplate_line("日期：2021年12月28日"), boilerplate_line("日期：2021年12月28日", closing=True)
    ('page_date', None)
    """
    stripped = line.strip()
    checks = _line_checks()
    if not 0 < len(stripped) < len(checks):
        return None
    anchored, others = checks[len(stripped)]
    rules = boilerplate_rules()[1]
    first = len(rules)  # the first anchored rule that matches, by the rules' order
    if anchored is not None:
        found = anchored.match(stripped)
        if found is not None:
            first = int(found.lastgroup.removeprefix(_RULE_GROUP))  # type: ignore[union-attr]
    for index, search in others:
        if index > first:
            break
        if search(stripped):
            first = index
            break
    if first == len(rules):
        return None
    rule = rules[first]
    if closing and rule.keep_closing is not None and rule.keep_closing.search(stripped):
        return None
    return rule.name


def boilerplate_line_rule_by_rule(line: str, closing: bool = False) -> str | None:
    """``boilerplate_line`` as defined: each line rule in turn, where the line is short enough for it
    (kept for the test that holds the faster reading to it)."""
    stripped = line.strip()
    if not stripped:
        return None
    for rule in boilerplate_rules()[1]:
        if len(stripped) <= rule.max_len and rule.pattern.search(stripped):
            if closing and rule.keep_closing is not None and rule.keep_closing.search(stripped):
                return None
            return rule.name
    return None


def _sentence_after(lines: list[str], names: list[str | None], final: re.Pattern[str]) -> list[bool]:
    """For each line, whether a line after it that is no boilerplate holds a sentence's end."""
    after = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        after[i] = after[i + 1] or (names[i] is None and bool(final.search(lines[i])))
    return after[1:]


# The group naming a rule's branch in the pattern of the anchored rules (``_line_checks``).
_RULE_GROUP = "_rule"
LineCheck = tuple[re.Pattern[str] | None, tuple[tuple[int, Callable[[str], re.Match[str] | None]], ...]]


@cache
def _line_checks() -> tuple[LineCheck, ...]:
    """For each line length up to the longest ``max_len``, the line rules that apply to it: those
    anchored at the line start as one pattern (a branch per rule, in the rules' order, named by
    its index: one ``match`` finds the first of them that matches), and the others one by one
    (their index and ``search``).

    A line is tested against about twenty short rules; tried one by one, each costs a call and
    its own failed match at the first character, so about 20,000 searches a batch of long reports
    become one match per line and a search for each rule that can match anywhere in the line.
    """
    rules = boilerplate_rules()[1]
    combined: dict[tuple[int, ...], re.Pattern[str] | None] = {}
    checks: list[LineCheck] = []
    for length in range(max((rule.max_len for rule in rules), default=-1) + 1):
        applicable = [(i, rule) for i, rule in enumerate(rules) if length <= rule.max_len]
        anchored = tuple(i for i, rule in applicable if _combinable(rule.pattern))
        if anchored not in combined:
            combined[anchored] = (
                re.compile("|".join(f"(?P<{_RULE_GROUP}{i}>{rules[i].pattern.pattern})" for i in anchored))
                if anchored
                else None
            )
        others = tuple((i, rule.pattern.search) for i, rule in applicable if i not in anchored)
        checks.append((combined[anchored], others))
    return tuple(checks)


def _combinable(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` matches only at the start of a line (it opens with ``^`` outside any
    alternative) and may be one branch of a pattern (no flags of its own, no groups to renumber)."""
    if pattern.flags != re.UNICODE or pattern.groups or not pattern.pattern.startswith("^"):
        return False
    try:
        from re import _constants, _parser  # the parser the re module compiles with

        first = _parser.parse(pattern.pattern, pattern.flags).data[0]
    except Exception:  # noqa: BLE001 - another Python's parser: every rule on its own, as before
        return False
    return first == (_constants.AT, _constants.AT_BEGINNING)


# What a flattened page's intro line holds after the intro's sentence, at least (rule keep_alone).
_ALONE_REST = 20


def _runs_on(line: str, pattern: re.Pattern[str]) -> bool:
    """Whether ``line`` goes on past the sentence ``pattern`` finds (the article glued after it)."""
    found = pattern.search(line)
    stop = _SENTENCE_END.search(line, found.end()) if found else None
    return stop is not None and len(line) - stop.end() >= _ALONE_REST


def boilerplate_edits(text: str) -> list[Edit]:
    """Delete boilerplate lines (with their line break) and inline boilerplate.

    >>> text = "导语:本文来自网络。\\n社区开展活动6次。(未完,全文共900字,当前显示300字)"
    >>> from nlp.text.spans import apply_edits
    >>> apply_edits(text, boilerplate_edits(text))[0]
    '社区开展活动6次。'
    """
    inline, _ = boilerplate_rules()
    edits: list[Edit] = []
    deleted: list[tuple[int, int]] = []
    lines = text.splitlines(keepends=True)
    names = [boilerplate_line(line) for line in lines]
    sentence_after = _sentence_after(lines, names, _SENTENCE_END)
    # rule keep_alone: a flattened page is one line that opens with an editor's intro (…小编整理的…，
    # 欢迎阅读。东湖社区2022年工作总结2022年，…): when no other line holds a sentence, that line is the
    # document, not the page's intro (rules marked keep_alone in boilerplate.toml)
    alone = {rule.name: rule.pattern for rule in boilerplate_rules()[1] if rule.keep_alone}
    if alone and not any(name is None and _SENTENCE_END.search(line) for name, line in zip(names, lines, strict=True)):
        names = [None if name in alone and _runs_on(line.strip(), alone[name]) else name for name, line in zip(names, lines, strict=True)]
    pos = 0
    for i, line in enumerate(lines):
        # rule keep_closing: a labelled date below the text (日期：2021年12月28日) is the document's
        if names[i] is not None and (sentence_after[i] or boilerplate_line(line, closing=True) is not None):
            edits.append(Edit(pos, pos + len(line)))
            deleted.append((pos, pos + len(line)))
        pos += len(line)
    for regex, needed in zip(inline, _inline_needs(), strict=True):
        if needed not in text:
            continue  # (a search of the text for a word: far cheaper than the pattern's search)
        for m in regex.finditer(text):
            if m.end() > m.start() and not any(s <= m.start() < e for s, e in deleted):
                edits.append(Edit(m.start(), m.end()))
    tail = tail_block(text, lines, names)
    if tail is not None:
        edits.append(Edit(tail, len(text)))
    return first_wins(edits)


@cache
def _inline_needs() -> tuple[str, ...]:
    """For each inline pattern, a word every match of it holds (``required_text``): a text without
    it has no match. The patterns that start a line ((?m)^) or open with a class are tried at
    every line or bracket; most texts hold none of their words."""
    return tuple(required_text(regex) for regex in boilerplate_rules()[0])


def required_text(pattern: re.Pattern[str]) -> str:
    """The longest run of plain characters (the last of the longest) that every match of ``pattern``
    holds, read from its top-level sequence and the groups in it; "" when there is none to read
    (an alternation at the top, case-insensitive matching, another Python's parser).

    >>> required_text(re.compile("(?m)^[ ]*公务员之家[:：]")), required_text(re.compile("第[0-9]+篇"))
    ('公务员之家', '篇')
    >>> required_text(re.compile("a|b")), required_text(re.compile("(?i)abc"))
    ('', '')
    """
    if pattern.flags & re.IGNORECASE:
        return ""
    try:
        from re import _constants, _parser  # the parser the re module compiles with

        items = _parser.parse(pattern.pattern, pattern.flags).data
    except Exception:  # noqa: BLE001 - every text is searched, as before
        return ""
    runs: list[str] = [""]

    def read(sequence: list) -> None:
        for op, value in sequence:
            if op is _constants.LITERAL:
                runs[-1] += chr(value)
            elif op is _constants.SUBPATTERN:
                runs.append("")
                read(value[-1].data)  # a group's own sequence, every match of which is in the match
                runs.append("")
            else:
                runs.append("")

    read(items)
    return max(reversed(runs), key=len)


@cache
def _tail_rule() -> tuple[re.Pattern[str], re.Pattern[str], float] | None:
    rule = load_toml(_BOILERPLATE_FILE).get("tail")
    if not rule:
        return None
    try:
        header = _compile(rule["header"], _BOILERPLATE_FILE, "tail.header")
        final = _compile(rule["final"], _BOILERPLATE_FILE, "tail.final")
        return header, final, float(rule["within"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ResourceError(_BOILERPLATE_FILE, None, f"[tail] needs header, final, within: {exc}") from exc


def tail_block(text: str, lines: list[str] | None = None, names: list[str | None] | None = None) -> int | None:
    """Offset where a trailing block of site navigation starts, or None. ``lines`` are the text's
    lines with their breaks and ``names`` their ``boilerplate_line`` names, when the caller has them.

    >>> tail_block("社区今年开展主题党日活动6次。\\n相关文章\\n社区工作总结\\n")
    16
    >>> tail_block("社区开展活动6次。\\n相关文章\\n我们还开展了义诊。\\n") is None
    True
    >>> tail_block("社区今年开展主题党日活动6次，走访困难家庭40户，调解纠纷12起，发放资料800余份。\\n相关文章\\n"
    ...            "社区工作计划\\n2.本站文档仅供参考，下载后不予退款。\\n")
    44
    """
    rule = _tail_rule()
    if rule is None:
        return None
    header, final, within = rule
    floor = int(len(text) * (1 - within))
    if lines is None:
        lines = text.splitlines(keepends=True)
    # Only a line starting at or after ``floor`` may open the block, and whether a sentence follows
    # a line depends only on the lines after it: the lines before the first such line are not read.
    starts = list(accumulate(map(len, lines), initial=0))
    first = bisect_left(starts, floor)
    if first >= len(lines):
        return None
    tail = lines[first:]
    # Whether a sentence follows line i: boilerplate lines (a site's notice below its links) are
    # deleted anyway, so their full stops do not make the links text.
    tail_names = names[first:] if names is not None else [boilerplate_line(line) for line in tail]
    sentence_after = _sentence_after(tail, tail_names, final)
    for i, line in enumerate(tail):  # (a sentence follows nearly every line: read that first)
        if not sentence_after[i] and header.match(line.strip()):
            return starts[first + i]
    return None

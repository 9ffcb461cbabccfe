"""Rule list_lead: a plan lead that announces items plans the items that follow it.

A sentence led by a plan (rule sentence_lead's lead: 下一步，… 明年，社区将… 2024年工作打算：…) that
announces items (a word of ``[list_lead.announce]`` before its ： or 。: 做好以下工作：, 打算如下：; or a
lead ending its line with ：) governs what follows it, after rule sentence_lead's reach (which stops
at the 。):

- the rest of its line, sentence by sentence and item by item (一是…。二是…；三是…);
- when it ends its line, the next lines while each opens by an item mark (``[list_lead.items]``:
  1. （1） ① 一是 第一，); a line that opens by none (a heading 二、…, a paragraph of text) ends it.

Each item or sentence is governed up to its first clause carrying a done sign (``[done_signs]``);
a sentence or item opening by the present or the past (``[sentence_lead.stops]``: 目前, 今年以来 …)
ends the reach. Only sentences holding an announcing word are examined.
SPEC: planned is true for plans and targets.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.figures import sentence_lead as lead_rule
from nlp.resources import load_toml
from nlp.text.char_scan import finditer_from_chars

_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_ITEM_BREAK = re.compile(r"[。！？!?；;]")
_COLON_ENDS_LINE = re.compile("[：:](?=[ \t\u3000]*\n)")


@cache
def _settings() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """The announcements by a word (a match ends after the ：: or 。 closing one: an announcing word
    before it; one pattern each, so that each is searched as a literal; the other announcement, a ：
    ending its line, is ``_COLON_ENDS_LINE``) and the item marks opening a line or an item."""
    data = load_toml("planned.toml")["list_lead"]
    announce = tuple(re.compile(re.escape(w) + "[^，,；;。！？!?\n：:]{0,12}[：:。]") for w in data["announce"])
    item = re.compile(r"[ \t\u3000]*(?:" + "|".join(f"(?:{k})" for k in data["items"]) + ")")
    return announce, item


def _announcements(text: str) -> list[tuple[int, int]]:
    """(start, end) of every announcement of ``text``, in order."""
    # each word's pattern opens with its literal, which re finds by itself; the line-ending colon opens
    # with a class, re would test at every character: tried at each ： and : (nlp/text/char_scan.py)
    found = [(m.start(), m.end()) for pattern in _settings()[0] for m in pattern.finditer(text)]
    found += [(m.start(), m.end()) for m in finditer_from_chars(_COLON_ENDS_LINE, text)]
    return sorted(found)


def _led(text: str, start: int, end: int) -> bool:
    """Whether the announcing sentence ``text[start:end]`` (up to its ：or 。) is led by a plan: its
    first clause holds a plan marker (rule sentence_lead's ``_leads``), or its second does after a
    first as short as rule sentence_lead's opener (2024年，我们计划…)."""
    clause = _CLAUSE_BREAK.search(text, start, end)
    if clause is None:
        return lead_rule._leads(text[start:end])
    if lead_rule._leads(text[start : clause.start()]):
        return True
    if len(text[start : clause.start()].strip()) > lead_rule._settings()[0]:
        return False
    second = _CLAUSE_BREAK.search(text, clause.end(), end)
    return lead_rule._leads(text[clause.end() : second.start() if second is not None else end])


def list_lead_spans(text: str) -> list[tuple[int, int]]:
    """The stretches the items announced by a plan lead span (each up to a done clause).

    >>> t = "下一步，社区将做好以下工作：一是新建书屋2处。二是招募志愿者40名。目前，社区有志愿者120名。"
    >>> [t[s:e] for s, e in list_lead_spans(t)]
    ['一是新建书屋2处', '二是招募志愿者40名']
    >>> t = "明年，社区将重点做好以下工作：\\n1.新建充电桩20个。\\n2.改造管网800米。\\n二、其他工作\\n调解纠纷42起。"
    >>> [t[s:e] for s, e in list_lead_spans(t)]
    ['1.新建充电桩20个', '2.改造管网800米']
    >>> list_lead_spans("今年以来，社区重点抓好以下几项工作：一是建成助餐点2个。")
    []
    """
    item = _settings()[1]
    stops = lead_rule._settings()[1]
    spans: list[tuple[int, int]] = []
    reached = -1
    for found, at in _announcements(text):
        if found < reached:
            continue
        line_start = text.rfind("\n", 0, found) + 1
        start = max(line_start, max(text.rfind(s, 0, found) for s in "。！？!?") + 1)
        if not _led(text, start, at - 1):
            continue
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        if text[at:line_end].strip():
            reached = _govern(text, at, line_end, spans, stops, item)
        else:  # the lead ends its line: the item lines that follow
            reached = at
            while line_end < len(text):
                at = line_end + 1
                line_end = text.find("\n", at)
                line_end = len(text) if line_end < 0 else line_end
                if not item.match(text, at):
                    break
                end = _govern(text, at, line_end, spans, stops, item)
                reached = end
                if end < line_end:
                    break
    return spans


def _govern(text: str, at: int, end: int, spans: list[tuple[int, int]], stops, item) -> int:
    """Add the governed part of each sentence or item of ``text[at:end]`` to ``spans``; return where
    the reach ends (``end``, or the start of a sentence opening by the present or the past)."""
    segment_starts = [at]
    for brk in _ITEM_BREAK.finditer(text, at, end):
        nxt = brk.end()
        if nxt < end and (text[nxt - 1] in "。！？!?" or item.match(text, nxt)):
            segment_starts.append(nxt)
    segment_starts.append(end)
    for a, b in zip(segment_starts, segment_starts[1:], strict=False):
        body = a
        opened = item.match(text, a)
        if opened:
            body = opened.end()
        if stops.match(text, body):
            return a
        stop = b
        sign = lead_rule._first_done_sign(text, a, b)
        if sign >= 0:
            stop = lead_rule._clause_start(text, a, sign)
        for brk in _CLAUSE_BREAK.finditer(text, a, stop):
            if stops.match(text, brk.end()):
                stop = brk.end()
                break
        while stop > a and text[stop - 1] in "。！？!?；;\u3000 \t":
            stop -= 1
        if stop > a:
            spans.append((a, stop))
    return end

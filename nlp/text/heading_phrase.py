"""Where a heading phrase starts and ends on its line (SPEC section 6, GUIDELINES: up to the first 。 or
：, without trailing punctuation), and where it ends when the original had a line break that
normalization joined away."""

from __future__ import annotations

import re
from functools import cache

from nlp.records import Normalized
from nlp.text.labels import SPACES, vocab
from nlp.text.outline_lines import original_gap


def heading_span(line: str, start: int) -> tuple[int, int]:
    """The heading phrase of ``line`` from ``start``: up to the first 。/： or a wide gap.

    >>> line = "（一）坚持稳中求进。今年以来……"
    >>> s, e = heading_span(line, 3); line[s:e]
    '坚持稳中求进'
    >>> line = "1、关爱空巢老人:社区现有空巢老人86人。"
    >>> s, e = heading_span(line, 2); line[s:e]
    '关爱空巢老人'
    >>> line = "(一)民生工作站解民忧 从6月份开始，社区每周安排专人值守"
    >>> s, e = heading_span(line, 3); line[s:e]
    '民生工作站解民忧'
    >>> line = "二、2024年 工作计划"
    >>> s, e = heading_span(line, 2); line[s:e]
    '2024年 工作计划'
    >>> line = "二、做好民生保障工作.目前已为低保户办理年审38户"
    >>> s, e = heading_span(line, 2); line[s:e]
    '做好民生保障工作'
    """
    voc = vocab()
    while start < len(line) and (line[start] in SPACES or line[start] in "、，,．."):
        start += 1
    end = len(line)
    # Only a stop, a half-width full stop or a space can end the phrase: the loop visits those alone.
    for found in _phrase_marks().finditer(line, start):
        i = found.start()
        ch = line[i]
        if ch in voc.stops and not (ch in "：:" and line[i - 1 : i].isdigit() and line[i + 1 : i + 2].isdigit()):
            if ch in "：:" and i > start and _subtitle(line[i + 1 :]):
                continue  # 社区矫正：严管理、重教育、促回归 alone on its line is one heading
            end = i
            break
        if ch in ".．" and is_cjk(line[i - 1 : i]) and is_cjk(line[i + 1 : i + 2]):
            end = i  # a half-width full stop in a scraped page (做好工作.目前已…)
            break
        if ch in SPACES and i - start >= 4 and line[i + 1 : i + 2].strip() and _paragraph_follows(line, start, i):
            end = i
            break
    while end > start and line[end - 1] in voc.trailing:
        end -= 1
    return start, end


@cache
def _phrase_marks() -> re.Pattern[str]:
    """The characters ``heading_span`` stops to look at: a stop, a half-width full stop, a space."""
    return re.compile(f"[{re.escape(vocab().stops + '.．' + SPACES)}]")


# The longest part after a colon that still belongs to a heading standing alone on its line.
SUBTITLE = 16


def _subtitle(after: str) -> bool:
    """What follows a colon completes a heading that stands alone on its line: a short phrase with no
    sentence stop, no figure and no terminal punctuation, to the line end (严管理、重教育、促回归), not a
    sentence of the paragraph (社区现有空巢老人86人。).

    >>> _subtitle("严管理、重教育、促回归"), _subtitle("社区现有空巢老人86人。"), _subtitle("")
    (True, False, False)
    """
    after = after.strip(SPACES)
    if not after or len(after) > SUBTITLE or any(ch.isdigit() for ch in after):
        return False
    return not any(ch in vocab().stops or ch in "；;，," for ch in after) and after[-1] not in vocab().trailing


def _paragraph_follows(line: str, start: int, gap: int) -> bool:
    """After a space inside a heading phrase, the text up to the next stop is longer than the phrase
    before it: a paragraph glued on (民生工作站解民忧 从6月份开始，…), not a spaced heading (2024年 工作计划)."""
    stops = vocab().stops
    end = next((k for k in range(gap + 1, len(line)) if line[k] in stops), len(line))
    return end - gap > gap - start


def is_cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def cut_at_joined_break(norm: Normalized, pos: int, line: str, hs: int, he: int) -> int:
    """End a heading at a line break (or a space) of the original that normalization
    joined away, when what follows is longer than the heading before it (a heading
    line glued to its paragraph, not a heading wrapped in two)."""
    for k in range(hs + 1, he):
        gap = original_gap(norm, pos + k)
        if "\n" in gap or (k - hs >= 4 and gap and not gap.strip()):
            if he - k > k - hs:
                while k > hs and line[k - 1] in vocab().trailing:
                    k -= 1
                return k
            return he
    return he

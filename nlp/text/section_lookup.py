"""The innermost section around an offset, for the stages that place records in the outline."""

from __future__ import annotations

import bisect

from nlp.records import Section


class SectionLookup:
    """The innermost section containing an offset, for many offsets of one document.

    Sections nest, so of the sections containing an offset the innermost is the one that starts
    last; a lookup is a bisection plus a walk up at most four levels.

    >>> secs = (Section(0, None, 1, "一、", "党建", 0, 9, norm_start=0, norm_end=9),
    ...         Section(1, 0, 2, "（一）", "组织", 3, 6, norm_start=3, norm_end=6))
    >>> at = SectionLookup(secs)
    >>> at(4).id, at(7).id, at(9) is None
    (1, 0, True)
    """

    def __init__(self, sections: tuple[Section, ...] | list[Section]) -> None:
        self._sections = sorted(sections, key=lambda s: (s.norm_start, s.level))
        self._starts = [s.norm_start for s in self._sections]
        self._by_id = {s.id: s for s in sections}

    def __call__(self, norm_start: int) -> Section | None:
        i = bisect.bisect_right(self._starts, norm_start) - 1
        section = self._sections[i] if i >= 0 else None
        while section is not None and not (section.norm_start <= norm_start < section.norm_end):
            section = self._by_id.get(section.parent) if section.parent is not None else None
        return section

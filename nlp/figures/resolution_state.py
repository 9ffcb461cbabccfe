"""What indicator resolution passes between its rules: the figure read, the resolution made, the trail
earlier figures leave for later ones, and the words of ``resolution.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from nlp.figures.clauses import any_of
from nlp.records import Scope
from nlp.resources import load_toml

# Figure and Resolution live within the facts stage, one of each per figure: named tuples, immutable
# like a frozen dataclass and made in a third of its time (a frozen dataclass sets each field through
# object.__setattr__).


class Resolution(NamedTuple):
    indicator: str | None
    breakdown: dict[str, str] | None = None
    scope: Scope = Scope.UNIT


@dataclass(frozen=True)
class ResolutionVocab:
    part_clause: tuple[str, ...]
    purpose_indicators: frozenset[str]
    collected: frozenset[str]  # money collected: whole unless an occasion or purpose is named
    not_totals: re.Pattern[str]  # per period or head, an earlier period, an outcome: 每月, 去年同期, 破获
    share: tuple[str, ...]
    taking_part: tuple[str, ...]
    usual_status: frozenset[str]
    usual_totals: dict[str, frozenset[str]]  # measure → other measures whose total given before makes a part
    period_acts: frozenset[str]  # units of acts counted over the report's period
    period_measures: frozenset[str]  # measures whose every count is of acts over the period (排查 … 户)
    audience_totals: tuple[str, ...]  # words of a sentence of totals: its audience is every act's
    reaching: tuple[str, ...]  # verbs of a work reaching people (惠及, 受益): rule ``reach_of_work``
    task_groups: tuple[str, ...]  # heads of groups of staff formed for a task (工作组): no measure


@cache
def resolution_vocab() -> ResolutionVocab:
    data = load_toml("resolution.toml")
    return ResolutionVocab(
        part_clause=tuple(data["part_clause"]["words"]),
        purpose_indicators=frozenset(data["purpose"]["indicators"]),
        collected=frozenset(data["purpose"]["collected"]),
        not_totals=any_of(
            data["not_totals"]["per_period"]
            + data["not_totals"]["earlier"]
            + data["not_totals"]["outcomes"]
            + data["purpose"]["per_words"]
        ),
        share=tuple(data["not_totals"]["share"]),
        taking_part=tuple(data["taking_part"]["verbs"]),
        usual_status=frozenset(data["usual_status"]["words"]),
        usual_totals={k: frozenset(v) for k, v in data["usual_status"]["totals_of"].items()},
        period_acts=frozenset(data["period_acts"]["units"]),
        period_measures=frozenset(data["period_acts"]["measures"]),
        audience_totals=tuple(data["participating"]["totals"]),
        reaching=tuple(data["participating"]["reaching"]),
        task_groups=tuple(data["task_groups"]["heads"]),
    )


class Figure(NamedTuple):
    """What resolution reads about one figure: where it is, what it counts, in which unit."""

    norm_start: int
    norm_end: int
    subject: str | None
    unit: str
    bare_total: str | None = None  # the indicator of a count with no noun after a bare place
    subject_start: int | None = None  # where the subject is written in the Text (its words are read there)


@dataclass
class Trail:
    """What earlier figures leave for later ones while a document is read in order."""

    wholes: list[tuple[int, Resolution, str]] = field(default_factory=list)  # (end, whole figure, unit)
    scoped: tuple[int, Scope] | None = None  # end of the last figure with an indicator, its scope
    listed: Resolution | None = None  # the figure before, for a list joined by 、
    last: tuple[int, str | None] | None = None  # end and subject of the figure before
    counted: tuple[int, Resolution, str | None] | None = None  # the figure before: end, resolution, subject
    last_unit: str | None = None  # the unit of the figure before
    by_unit: dict[str, tuple[int, str]] = field(default_factory=dict)  # unit → end, indicator of its last figure


def record(resolution: Resolution, figure: Figure, trail: Trail) -> Resolution:
    """Leave what later figures need on the trail; return the resolution."""
    if resolution.indicator is not None:
        trail.scoped = (figure.norm_end, resolution.scope)
        if not resolution.breakdown:
            trail.wholes.append((figure.norm_end, resolution, figure.unit))
    trail.listed = resolution if resolution.indicator is not None else None
    trail.last = (figure.norm_end, figure.subject)
    trail.counted = (figure.norm_end, resolution, figure.subject)
    trail.last_unit = figure.unit
    if resolution.indicator is not None:
        trail.by_unit[figure.unit] = (figure.norm_end, resolution.indicator)
    return resolution

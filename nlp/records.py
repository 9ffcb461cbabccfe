"""Records that flow between the pipeline stages.

Every record is a frozen dataclass. Offsets named ``start``/``end`` are code-point
offsets into the decoded *original* text (SPEC section 3); offsets named
``norm_start``/``norm_end`` point into the normalized text the stages work on and
never leave the library (``to_dict`` drops them).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, TypeAlias, cast

if TYPE_CHECKING:
    from nlp.text.document import Text
    from nlp.text.spans import OffsetMap


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"
    MASKED = "masked"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Category(StrEnum):
    PARTY_BUILDING = "party_building"
    GOVERNANCE_SECURITY = "governance_security"
    SOCIAL_ASSISTANCE = "social_assistance"
    EMPLOYMENT_SOCIAL_SECURITY = "employment_social_security"
    HEALTH_EPIDEMIC = "health_epidemic"
    CULTURE_CIVILITY = "culture_civility"
    ENVIRONMENT_SANITATION = "environment_sanitation"
    INFRASTRUCTURE_INVESTMENT = "infrastructure_investment"
    ECONOMY_INDUSTRY = "economy_industry"
    VOLUNTEER_SERVICE = "volunteer_service"
    COMMUNITY_SERVICES = "community_services"
    SELF_GOVERNANCE = "self_governance"
    DEMOGRAPHICS_BASIC = "demographics_basic"
    EDUCATION_YOUTH = "education_youth"
    OTHER = "other"


class ActivityKind(StrEnum):
    MEETING = "meeting"
    TRAINING = "training"
    EVENT = "event"
    VISIT = "visit"
    CAMPAIGN = "campaign"
    SERVICE = "service"
    ORGANIZATION = "organization"
    INSPECTION = "inspection"
    PROJECT = "project"
    OTHER = "other"


class DocType(StrEnum):
    SUMMARY = "summary"
    PLAN = "plan"
    REPORT = "report"
    MIXED = "mixed"


class Scope(StrEnum):
    """Whose figure a fact is (SPEC section 3)."""

    UNIT = "unit"  # the unit the document reports on
    PART = "part"  # one 小区/网格/村民小组, or one 村 of a 镇's report
    WIDER = "wider"  # 全市/全区/全县 … in a community's report
    OTHER = "other"  # an unrelated unit


BREAKDOWN_DIMENSIONS = ("sex", "age", "status", "area", "kind", "change")

PERIODS = ("H1", "H2", "Q1", "Q2", "Q3", "Q4", "year")


@dataclass(frozen=True)
class RawDoc:
    """A decoded input file: the text every offset refers to."""

    id: str  # sha256 hex of the raw bytes
    path: str | None
    text: str
    encoding: str | None
    format: str = "txt"  # txt, docx, pdf, html, md


@dataclass(frozen=True)
class Normalized:
    """The text the pipeline works on, with its map back to the original."""

    original: str
    text: str
    offsets: OffsetMap

    def to_original(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        return self.offsets.to_original(norm_start, norm_end)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence or clause span in normalized coordinates (nlp/text/sentences.py defines both);
    slotted, without a dict each: a long report has thousands."""

    norm_start: int
    norm_end: int


@dataclass(frozen=True)
class Number:
    """A number as written, before any unit is attached.

    ``value`` is None for ranges and masked numbers; ``low``/``high`` carry the
    interval a range or qualifier implies.
    """

    text: str
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: Qualifier = Qualifier.EXACT


@dataclass(frozen=True)
class Quantity:
    """A number with its unit and qualifier, located in the normalized text."""

    norm_start: int
    norm_end: int
    number_text: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str  # canonical unit, magnitude word removed (万元 → 元)
    qualifier: Qualifier
    unit_text: str = ""  # the unit as written


@dataclass(frozen=True)
class DocMeta:
    id: str
    path: str | None
    encoding: str | None
    title: str | None
    community: str | None
    street: str | None
    year: int | None
    period: str | None
    doc_type: DocType
    chars: int
    district: str | None = None  # the county-level division (区/县/旗) the unit lies in
    level: str | None = None  # community, township, county, city or province: the level the report is written at


@dataclass(frozen=True)
class Section:
    id: int
    parent: int | None
    level: int
    label: str
    heading: str
    start: int
    end: int
    category: Category = Category.OTHER
    planned: bool = False
    norm_start: int = 0
    norm_end: int = 0


@dataclass(frozen=True)
class Fact:
    id: int
    section: int | None
    start: int
    end: int
    text: str
    number_text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: Qualifier
    subject: str | None
    indicator: str | None
    # The part of the measure counted, {dimension: words as written}; None for the whole.
    # Left out of the hash (a dict is not hashable) but compared.
    breakdown: dict[str, str] | None = field(default=None, hash=False)
    scope: Scope = Scope.UNIT
    category: Category = Category.OTHER
    planned: bool = False
    norm_start: int = 0
    norm_end: int = 0

    @property
    def comparable(self) -> bool:
        """True when the figure lands in its indicator's column (SPEC section 5)."""
        return (
            self.indicator is not None and self.breakdown is None and self.scope is Scope.UNIT and not self.planned
        )


@dataclass(frozen=True)
class Activity:
    id: int
    section: int | None
    start: int
    end: int
    text: str
    verb: str | None
    name: str
    kind: ActivityKind
    facts: tuple[int, ...] = ()
    category: Category = Category.OTHER
    planned: bool = False
    norm_start: int = 0
    norm_end: int = 0


@dataclass(frozen=True)
class Flag:
    name: str
    code: str
    severity: Severity
    start: int
    end: int
    line: int
    col: int
    message: str
    facts: tuple[int, ...] = ()


@dataclass(frozen=True)
class Parse:
    """Everything one document parses to (SPEC section 3)."""

    doc: DocMeta
    original: str
    sections: tuple[Section, ...] = ()
    facts: tuple[Fact, ...] = ()
    activities: tuple[Activity, ...] = ()
    flags: tuple[Flag, ...] = ()
    text: Text | None = field(default=None, repr=False, compare=False)  # the shared document the stages read

    @property
    def normalized(self) -> Normalized | None:
        return self.text.normalized if self.text is not None else None

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The document's sentences, in normalized offsets (the checks reuse them)."""
        return self.text.sentences if self.text is not None else ()

    def to_dict(self) -> dict[str, JSON]:
        return {
            "doc": record_to_dict(self.doc),
            "sections": [record_to_dict(s) for s in self.sections],
            "facts": [record_to_dict(f) for f in self.facts],
            "activities": [record_to_dict(a) for a in self.activities],
            "flags": [record_to_dict(f) for f in self.flags],
        }


JSON: TypeAlias = "str | int | float | bool | None | list[JSON] | dict[str, JSON]"


def _plain(value: object) -> JSON:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return cast(JSON, value)  # str, int, float, bool or None: the record fields' other types


def record_to_dict(record: object) -> dict[str, JSON]:
    """The JSON-ready form of a record (a dataclass of this module), without library-internal fields."""
    return {
        f.name: _plain(getattr(record, f.name))
        for f in dataclasses.fields(record)  # type: ignore[arg-type]
        if not f.name.startswith("norm_")
    }

"""What `zongjie check` reports: each flag with its document, and the run's totals."""

from __future__ import annotations

from dataclasses import dataclass

from nlp.records import Flag


@dataclass(frozen=True)
class ReportedFlag:
    """One flag of one document, as the check command reports it."""

    path: str
    doc_id: str
    flag: Flag
    fingerprint: str = ""


@dataclass(frozen=True)
class CheckReport:
    findings: tuple[ReportedFlag, ...]
    documents: int
    figures_checked: int
    not_assessable: int
    suppressed: int
    errors: tuple[tuple[str, str], ...] = ()  # (path, reason) of inputs that could not be read

"""Renderings of parse results and of check reports (linter lines, JSON, SARIF 2.1.0)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from nlp.checks.report import CheckReport
from nlp.records import Flag, Parse, record_to_dict


def render_parse(result: Parse) -> str:
    """An indented outline followed by the document's facts, activities and flags."""
    doc = result.doc
    lines = [
        f"{doc.path or '<text>'}  [{doc.encoding or '-'}]  {doc.chars} chars",
        f"title: {doc.title or '-'}   community: {doc.community or '-'}   street: {doc.street or '-'}",
        f"year: {doc.year or '-'}   period: {doc.period or '-'}   type: {doc.doc_type.value}",
        "",
        "outline:",
    ]
    for section in result.sections:
        mark = "  (planned)" if section.planned else ""
        lines.append(f"{'  ' * section.level}{section.label}{section.heading}{mark}")
    if result.facts:
        lines += ["", "facts:"]
        for fact in result.facts:
            value = fact.value if fact.value is not None else f"{fact.low}–{fact.high}"
            lines.append(
                f"  {fact.text:<12} {value} {fact.unit} {fact.qualifier.value:<8} "
                f"{fact.subject or '-'} {fact.indicator or ''}{'  (planned)' if fact.planned else ''}"
            )
    if result.activities:
        lines += ["", "activities:"]
        for activity in result.activities:
            counted = ", ".join(result.facts[i].text for i in activity.facts)
            lines.append(
                f"  {activity.verb or '-'} {activity.name}  [{activity.kind.value}, {activity.category.value}]"
                f"{'  ' + counted if counted else ''}{'  (planned)' if activity.planned else ''}"
            )
    if result.flags:
        lines += ["", "flags:"]
        lines += [f"  {f.line}:{f.col}: {f.code} {f.message}" for f in result.flags]
    return "\n".join(lines) + "\n"


# --- zongjie check: linter lines, the closing summary, JSON and SARIF 2.1.0 ---------------------

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def flag_line(path: str, flag: Flag) -> str:
    """The linter line of one flag.

    >>> from nlp.records import Severity
    >>> flag_line("a.txt", Flag("duplicated_unit", "ZJ401", Severity.WARNING, 5, 9, 2, 3, "单位重复"))
    'a.txt:2:3: ZJ401 单位重复'
    """
    message = " ".join(flag.message.split())
    return f"{path}:{flag.line}:{flag.col}: {flag.code} {message}"


def summary_line(report: CheckReport) -> str:
    """The closing line: problems by severity, documents, coverage and suppressed findings.

    >>> summary_line(CheckReport((), 3, 40, 2, 1))
    '0 个问题 (0 error, 0 warning, 0 info),3 个文档;核对数字 40 个,无法核对 2 个;已忽略 1 个'
    """
    counts = Counter(f.flag.severity.value for f in report.findings)
    return (
        f"{len(report.findings)} 个问题 ({counts['error']} error, {counts['warning']} warning, "
        f"{counts['info']} info),{report.documents} 个文档;核对数字 {report.figures_checked} 个,"
        f"无法核对 {report.not_assessable} 个;已忽略 {report.suppressed} 个"
    )


def render_check_text(report: CheckReport) -> str:
    lines = [flag_line(f.path, f.flag) for f in report.findings]
    return "\n".join([*lines, summary_line(report)]) + "\n"


def render_check_json(report: CheckReport) -> str:
    """One JSON object: the SPEC flag objects (with path, doc_id, fingerprint), errors, summary."""
    counts = Counter(f.flag.severity.value for f in report.findings)
    data = {
        "flags": [
            {"path": f.path, "doc_id": f.doc_id, **record_to_dict(f.flag), "fingerprint": f.fingerprint}
            for f in report.findings
        ],
        "errors": [{"path": p, "reason": r} for p, r in report.errors],
        "summary": {
            "problems": len(report.findings),
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "documents": report.documents,
            "figures_checked": report.figures_checked,
            "not_assessable": report.not_assessable,
            "suppressed": report.suppressed,
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def render_check_sarif(report: CheckReport, rules: Sequence[Any], version: str = "0") -> str:
    """A SARIF 2.1.0 log with one run: the rules as reportingDescriptors, one result per flag."""
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for f in report.findings:
        flag = f.flag
        result: dict[str, Any] = {
            "ruleId": flag.code,
            "level": _SARIF_LEVEL[flag.severity.value],
            "message": {"text": flag.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": {"startLine": flag.line, "startColumn": flag.col,
                           "charOffset": flag.start, "charLength": flag.end - flag.start},
            }}],
            "partialFingerprints": {"zongjie/v1": f.fingerprint},
        }
        if flag.code in index:
            result["ruleIndex"] = index[flag.code]
        results.append(result)
    driver = {
        "name": "zongjie",
        "version": version,
        "informationUri": "https://example.invalid/zongjie",
        "rules": [{
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": " ".join(r.doc.split())},
            "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity.value]},
        } for r in rules],
    }
    run: dict[str, Any] = {"tool": {"driver": driver}, "results": results}
    if report.errors:
        run["invocations"] = [{
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": reason},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}]}
                for path, reason in report.errors
            ],
        }]
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


def _uri(path: str) -> str:
    """A relative URI for a path (SARIF artifactLocation.uri).

    >>> _uri("docs/社区 总结.txt")
    'docs/%E7%A4%BE%E5%8C%BA%20%E6%80%BB%E7%BB%93.txt'
    >>> _uri("/srv/a.txt")
    'file:///srv/a.txt'
    """
    path = path.replace("\\", "/")
    if path.startswith("/"):
        return "file://" + quote(path, safe="/:!")
    return quote(path, safe="/:!")

"""Human-readable renderings of parse results."""

from __future__ import annotations

from nlp.records import Parse


def render_parse(result: Parse) -> str:
    """An indented outline followed by the document's facts and flags."""
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
    if result.flags:
        lines += ["", "flags:"]
        lines += [f"  {f.line}:{f.col}: {f.code} {f.message}" for f in result.flags]
    return "\n".join(lines) + "\n"

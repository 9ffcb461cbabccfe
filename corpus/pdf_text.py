"""Text layer of a PDF via pdfplumber: pages in order, joined by a newline."""

from __future__ import annotations

import io
import logging


class PdfError(ValueError):
    """The PDF cannot be read; ``args[0]`` is the reason."""


def pdf_text(data: bytes) -> str:
    """The text of every page, joined with ``\\n``; raises ``PdfError`` when there is none."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise PdfError("corrupt .pdf: no PDF header")
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                pages.append((page.extract_text() or "").strip("\n"))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise PdfError("encrypted .pdf: cannot read it without the password") from exc
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise PdfError(f"corrupt .pdf ({type(exc).__name__})") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise PdfError("pdf has no text layer (scanned?)")
    return text

"""Readers: any input file becomes a ``RawDoc`` (decoded text + provenance) or a ``ReadError``.

Formats: .txt/.md in UTF-8 (with or without BOM), UTF-16, GB18030/GBK or Big5,
detected from the bytes; .docx; .pdf (text layer); .html/.htm (main text only);
.zip archives of these, walked safely. Every document's id is the sha256 of its raw
bytes (for a zip member, of the member's bytes). The decoded text is kept exactly
as decoded (``\\r\\n`` included): every offset downstream refers to it.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from corpus.archives import DEFAULT_LIMITS, ZipLimits, walk_zip
from corpus.textcodec import DecodeError, decode_bytes
from nlp.errors import ReadError
from nlp.records import RawDoc

# File suffix -> RawDoc.format.
FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_LEGACY_HINTS = {
    ".doc": "legacy Word .doc is not supported; save it as .docx",
    ".wps": "WPS .wps files are not supported; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx or .txt",
}
MAX_FILE_BYTES = 256 * 1024**2


def document_id(data: bytes) -> str:
    """The stable id of a document: sha256 hex of its raw bytes.

    >>> document_id(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def format_of(name: str) -> str | None:
    """The document format a file name announces, or None when it is not one we read.

    >>> format_of("a/总结.HTM"), format_of("x.docx"), format_of("x.xls")
    ('html', 'docx', None)
    """
    return FORMATS.get(PurePosixPath(name.replace("\\", "/")).suffix.lower())


def sniff_format(data: bytes) -> str:
    """The format of bytes whose name says nothing (no suffix): pdf, docx, html or txt.

    >>> sniff_format(b"%PDF-1.4 ..."), sniff_format(b"  <!DOCTYPE html><html>"), sniff_format("一、".encode())
    ('pdf', 'html', 'txt')
    """
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith(b"pk\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


def read_text(text: str, path: str | None = None) -> RawDoc:
    """A document given as text; its id is the sha256 of its UTF-8 bytes. Never raises.

    >>> doc = read_text("一、社区党建\\n发展党员3名。")
    >>> doc.format, doc.encoding, len(doc.id)
    ('txt', None, 64)
    """
    fmt = format_of(path) if path else None
    return RawDoc(
        id=document_id(text.encode("utf-8", errors="surrogatepass")),
        path=path,
        text=text,
        encoding=None,
        format=fmt if fmt in ("txt", "md") else "txt",
    )


def read_bytes(data: bytes, name: str, display: str | None = None) -> RawDoc:
    """Decode one document's bytes; ``name`` gives the format by its suffix (sniffed when it has none)."""
    where = display or name
    fmt = format_of(name)
    if fmt is None:
        if PurePosixPath(name).suffix:
            raise ReadError(where, _unsupported(name))
        fmt = sniff_format(data)
    if not data.strip():
        raise ReadError(where, "file is empty")
    if fmt in ("txt", "md"):
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            raise ReadError(where, exc.args[0]) from None
        return RawDoc(document_id(data), where, decoded.text, decoded.encoding, fmt)
    if fmt == "docx":
        return RawDoc(document_id(data), where, _docx_text(data, where), "docx", "docx")
    if fmt == "pdf":
        from corpus.pdf_text import PdfError, pdf_text

        try:
            text = pdf_text(data)
        except PdfError as exc:
            raise ReadError(where, exc.args[0]) from None
        return RawDoc(document_id(data), where, text, "pdf", "pdf")
    from corpus.html_text import decode_html, html_to_text

    try:
        decoded = decode_html(data)
    except DecodeError as exc:
        raise ReadError(where, exc.args[0]) from None
    text = html_to_text(decoded.text)
    if not text.strip():
        raise ReadError(where, "html page has no text")
    return RawDoc(document_id(data), where, text, decoded.encoding, "html")


def _docx_text(data: bytes, where: str) -> str:
    import zipfile

    import docx

    from corpus.docx_text import docx_lines

    if not data.startswith(b"PK"):
        raise ReadError(where, "corrupt .docx: not a zip archive")
    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError(where, "corrupt .docx: not a zip archive") from None
    except KeyError:
        raise ReadError(where, "corrupt .docx: no word/document.xml inside") from None
    except Exception as exc:  # python-docx and lxml raise many types on damaged packages
        raise ReadError(where, f"corrupt .docx ({type(exc).__name__})") from None
    try:
        text = "\n".join(docx_lines(document))
    except Exception as exc:
        raise ReadError(where, f"corrupt .docx: unreadable body ({type(exc).__name__})") from None
    if not text.strip():
        raise ReadError(where, "file is empty (the .docx has no text)")
    return text


def _unsupported(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in _LEGACY_HINTS:
        return _LEGACY_HINTS[suffix]
    return f"unsupported file type {suffix!r} (expected .txt, .md, .docx, .pdf, .html or .zip)"


def read_path(path: Path) -> RawDoc:
    """Read one document file, or raise ``ReadError(path, reason)`` with one clear reason."""
    path = Path(path)
    where = str(path)
    if path.is_dir():
        raise ReadError(where, "is a folder, not a document (use `zongjie extract` for folders)")
    if path.suffix.lower() == ".zip":
        return _single_member(path)
    if path.suffix and format_of(path.name) is None:
        raise ReadError(where, _unsupported(path.name))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(where, f"file is too large ({size} bytes; the limit is {MAX_FILE_BYTES})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(where, "no such file") from None
    except PermissionError:
        raise ReadError(where, "permission denied") from None
    except OSError as exc:
        raise ReadError(where, f"cannot read the file: {exc.strerror or exc}") from None
    return read_bytes(data, path.name, where)


def _single_member(path: Path) -> RawDoc:
    """The one document of a .zip; an archive with an unreadable member or several documents is an error."""
    documents: list[RawDoc] = []
    for item in walk_zip(str(path), str(path), read_bytes, _is_supported):
        if isinstance(item, ReadError):
            raise item
        documents.append(item)
        if len(documents) > 1:
            break
    if len(documents) == 1:
        return documents[0]
    if not documents:
        raise ReadError(str(path), "the .zip archive holds no readable document")
    raise ReadError(str(path), "the .zip archive holds several documents; use `zongjie extract` or `zongjie check`")


def _is_supported(name: str) -> bool:
    return format_of(name) is not None

def _walk_folder(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted path order (streamed), without hidden files or folders."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_folder(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def iter_documents(
    paths: Iterable[str | Path], limits: ZipLimits = DEFAULT_LIMITS
) -> Iterator[RawDoc | ReadError]:
    """Every document under ``paths`` — files, folders (recursive, sorted) and .zip archives.

    Failures are yielded as ``ReadError`` and the walk goes on. In a folder, files of
    unsupported types are skipped; a file named explicitly that cannot be read is an error.
    """
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for file in _walk_folder(path):
                if file.suffix.lower() == ".zip":
                    yield from walk_zip(str(file), str(file), read_bytes, _is_supported, limits)
                elif _is_supported(file.name):
                    yield _read_or_error(file)
        elif path.suffix.lower() == ".zip" and path.is_file():
            yield from walk_zip(str(path), str(path), read_bytes, _is_supported, limits)
        else:
            yield _read_or_error(path)

def _read_or_error(path: Path) -> RawDoc | ReadError:
    try:
        return read_path(path)
    except ReadError as exc:
        return exc

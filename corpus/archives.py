"""Walk .zip archives safely: no path escape, bounded member count, size and compression ratio.

Members are reported as ``archive.zip!inner/name.txt``. A member that is unsafe
(``../`` or absolute name, symbolic link, encrypted, suspicious compression ratio)
becomes a ``ReadError`` for that member and the walk goes on; an archive that is
corrupt or too large as a whole becomes one ``ReadError`` for the archive. Zips
inside a zip are walked one level deep.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from nlp.errors import ReadError
from nlp.records import RawDoc

ReadMember = Callable[[bytes, str, str], RawDoc]  # (bytes, member name, display path) -> RawDoc


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 10_000
    max_member_bytes: int = 256 * 1024**2
    max_total_bytes: int = 2 * 1024**3
    max_ratio: float = 200.0  # uncompressed / compressed, checked on members above ratio_floor_bytes
    ratio_floor_bytes: int = 1024**2
    max_depth: int = 1  # zips inside a zip: one level


DEFAULT_LIMITS = ZipLimits()


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name, decoding legacy (non-UTF-8-flagged) names written by Chinese Windows tools.

    >>> info = zipfile.ZipInfo("社区总结.txt")
    >>> member_name(info)
    '社区总结.txt'
    """
    name = info.filename
    if info.flag_bits & 0x800:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return name


def unsafe_reason(name: str) -> str | None:
    """Why a member name may not be extracted, or None when it is safe.

    >>> unsafe_reason("docs/a.txt") is None
    True
    >>> unsafe_reason("../evil.txt")
    'unsafe member name (escapes the archive): ../evil.txt'
    >>> unsafe_reason("/etc/passwd")
    'unsafe member name (absolute path): /etc/passwd'
    """
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or (len(normalized) > 1 and normalized[1] == ":"):
        return f"unsafe member name (absolute path): {name}"
    if ".." in PurePosixPath(normalized).parts:
        return f"unsafe member name (escapes the archive): {name}"
    return None


def is_hidden(name: str) -> bool:
    """Hidden files and folders, and the resource forks macOS adds to archives.

    >>> is_hidden("__MACOSX/._a.txt"), is_hidden("a/.DS_Store"), is_hidden("a/b.txt")
    (True, True, False)
    """
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    """The member's bytes, or None when it inflates beyond ``limit`` (headers can lie)."""
    chunks = []
    size = 0
    with archive.open(info) as handle:
        while chunk := handle.read(1 << 20):
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
    return b"".join(chunks)


def walk_zip(
    source: str | bytes,
    display: str,
    read_member: ReadMember,
    is_supported: Callable[[str], bool],
    limits: ZipLimits = DEFAULT_LIMITS,
    depth: int = 0,
) -> Iterator[RawDoc | ReadError]:
    """Documents and per-member errors of one archive (a path, or bytes for a nested zip)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        yield ReadError(display, "corrupt .zip: not a zip archive")
        return
    except OSError as exc:
        yield ReadError(display, f"cannot read the file: {exc.strerror or exc}")
        return
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            yield ReadError(display, f"zip has {len(infos)} members, more than the limit of {limits.max_members}")
            return
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_total_bytes:
            yield ReadError(display, f"zip would inflate to {declared} bytes, more than the limit of {limits.max_total_bytes}")
            return
        budget = limits.max_total_bytes
        for info in infos:
            if info.is_dir():
                continue
            name = member_name(info)
            where = f"{display}!{name}"
            reason = unsafe_reason(name)
            if reason is not None:
                yield ReadError(where, reason)
                continue
            if is_hidden(name):
                continue
            nested = name.lower().endswith(".zip")
            if not nested and not is_supported(name):
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                yield ReadError(where, "symbolic link inside the zip, not a document")
                continue
            if info.flag_bits & 0x1:
                yield ReadError(where, "encrypted zip member, cannot read it without the password")
                continue
            if nested and depth >= limits.max_depth:
                yield ReadError(where, "zip nested more than one level deep, not opened")
                continue
            if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                yield ReadError(where, "suspicious compression ratio (zip bomb?), not extracted")
                continue
            try:
                data = _read_member(archive, info, min(limits.max_member_bytes, budget))
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
                yield ReadError(where, f"corrupt zip member ({type(exc).__name__})")
                continue
            if data is None:
                yield ReadError(where, "zip member inflates beyond the size limit (zip bomb?), not extracted")
                continue
            budget -= len(data)
            if nested:
                yield from walk_zip(data, where, read_member, is_supported, limits, depth + 1)
                continue
            try:
                yield read_member(data, name, where)
            except ReadError as exc:
                yield exc

"""Decode the bytes of a Chinese text file: BOM, strict UTF-8, then GB18030 versus Big5.

Detection looks at the bytes, never at the file name. Short Chinese texts fool
statistical detectors (GBK read as Big5 and back), so the order is:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. BOM-less UTF-16, recognised by its NUL bytes in every other position;
3. strict UTF-8;
4. every strict decoding among GB18030 and Big5, ranked by how many of its CJK
   characters are *common* ones (level 1 of GB2312 or of Big5), since a wrong
   decoding turns text into rare characters;
5. charset-normalizer as the last resort.

Encoding names are returned normalized: ``utf-8``, ``utf-8-sig``, ``utf-16``,
``gb18030``, ``big5`` …
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Magic numbers of binary formats that are sometimes misnamed .txt.
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",  # OLE2: legacy .doc/.xls
    b"\x1f\x8b",  # gzip
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
    b"MZ\x90\x00",  # Windows executable
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Candidate legacy codecs: (Python codec, reported name). cp950 and big5hkscs
# extend Big5 with characters real files use; gb18030 is a superset of GBK/GB2312.
_LEGACY = (("gb18030", "gb18030"), ("big5", "big5"), ("cp950", "big5"), ("big5hkscs", "big5"))


class DecodeError(ValueError):
    """The bytes are not a text document in a supported encoding; ``args[0]`` is the reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph.

    >>> is_cjk("社"), is_cjk("a"), is_cjk("，")
    (True, False, False)
    """
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0002ffff"


@lru_cache(maxsize=65536)
def is_common_cjk(ch: str) -> bool:
    """True when ``ch`` is in level 1 of GB2312 (common simplified) or of Big5 (common traditional).

    >>> is_common_cjk("区"), is_common_cjk("區"), is_common_cjk("鍂")
    (True, True, False)
    """
    if not is_cjk(ch):
        return False
    try:
        gb = ch.encode("gb2312")
        if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b5 = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(b5) == 2 and 0xA440 <= int.from_bytes(b5, "big") <= 0xC67E


def _neutral(ch: str) -> bool:
    """ASCII, whitespace and punctuation blocks: characters that say nothing about the decoding."""
    return (
        ch.isascii()
        or ch.isspace()
        or "\u00a0" <= ch <= "\u00ff"  # Latin-1 signs: · × °
        or "\u2000" <= ch <= "\u206f"  # general punctuation
        or "\u2100" <= ch <= "\u21ff"  # letterlike, number forms (Ⅱ ℃), arrows
        or "\u2460" <= ch <= "\u24ff"  # enclosed alphanumerics: ① ⑴ ⒈
        or "\u25a0" <= ch <= "\u25ff"  # geometric shapes: ■ □ ● ○ used as bullets
        or "\u3200" <= ch <= "\u32ff"  # enclosed CJK: ㈠ ㈡
        or "\u3000" <= ch <= "\u303f"  # CJK symbols and punctuation
        or "\uff00" <= ch <= "\uffef"  # full-width forms
    )


def common_ratio(text: str) -> float:
    """Share of the telling characters of ``text`` (not ASCII, not punctuation) that are common CJK.

    A wrong decoding yields rare ideographs, private-use characters, kana and box
    drawing, which all count against it. 1.0 when nothing is telling.

    >>> common_ratio("社区工作总结，共3场"), common_ratio("abc"), common_ratio("\ue01f跋")
    (1.0, 1.0, 0.5)
    """
    telling = [ch for ch in text if not _neutral(ch)]
    if not telling:
        return 1.0
    return sum(1 for ch in telling if is_common_cjk(ch)) / len(telling)


def control_ratio(text: str) -> float:
    """Share of characters that are control characters other than tab, CR, LF, FF.

    >>> control_ratio("ab\\x01\\x02")
    0.5
    """
    if not text:
        return 0.0
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\r\n\f")
    return bad / len(text)


def looks_binary(data: bytes) -> bool:
    """A known binary signature, or NUL bytes that UTF-16/32 does not explain.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n"), looks_binary("社区".encode("utf-8"))
    (True, False)
    """
    if any(data.startswith(magic) for magic in _BINARY_MAGIC):
        return True
    if b"\x00" in data:
        return not any(data.startswith(bom) for bom, _ in _BOMS) and _bomless_utf16(data) is None
    return False


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NULs sit regularly in odd/even positions of mostly-ASCII text,
    or the text decodes to mostly CJK; else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if control_ratio(text) > 0.01 or "\x00" in text:
            continue
        readable = sum(1 for ch in text if is_cjk(ch) or _neutral(ch)) / len(text)
        score = min(readable, common_ratio(text))
        if score > 0.8 and (best is None or score > best[0]):
            best = (score, codec)
    return best[1] if best else None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes, or raise ``DecodeError`` with one clear reason.

    >>> decode_bytes("一、社区党建".encode("gb18030")).encoding
    'gb18030'
    >>> decode_bytes("一、社區黨建".encode("big5"))
    Decoded(text='一、社區黨建', encoding='big5')
    """
    if not data or not data.strip():
        raise DecodeError("file is empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, name)
            if text is None:
                raise DecodeError(f"cannot decode: starts with a {name.upper()} byte-order mark but is not {name.upper()} text")
            return _checked(Decoded(text, name))
    if looks_binary(data):
        raise DecodeError("binary file, not a text document")
    if b"\x00" in data:
        codec = _bomless_utf16(data)
        if codec is not None:
            return _checked(Decoded(data.decode(codec), "utf-16"))
    text = _strict(data, "utf-8")
    if text is not None:
        return _checked(Decoded(text, "utf-8"))
    best = _best_legacy(data)
    if best is not None:
        return _checked(best)
    damaged = _best_damaged(data)
    if damaged is not None:
        return _checked(damaged)
    fallback = _charset_normalizer(data)
    if fallback is not None:
        return _checked(fallback)
    raise DecodeError("cannot decode: not UTF-8/UTF-16/GB18030/Big5 text")


def _best_legacy(data: bytes) -> Decoded | None:
    """The strict GB18030/Big5 decoding whose CJK characters are most often common ones.

    Ties go to the first candidate (GB18030), the commoner encoding on the mainland.
    """
    best: tuple[float, int, Decoded] | None = None
    for rank, (codec, name) in enumerate(_LEGACY):
        text = _strict(data, codec)
        if text is None:
            continue
        score = common_ratio(text) - 2 * control_ratio(text)
        if best is None or score > best[0] + 1e-9:
            best = (score, -rank, Decoded(text, name))
    if best is None or best[0] < 0.5:
        return None
    return best[2]


def _best_damaged(data: bytes) -> Decoded | None:
    """A file with a few broken bytes (cut mid-character, a damaged sector): the decoding that
    needs the fewest replacement characters (U+FFFD), if they are rare and the rest reads well.

    >>> data = "一、社区党建工作，现有党员41名。".encode("gb18030") * 3
    >>> decoded = _best_damaged(data[:-1])
    >>> decoded.encoding, decoded.text[-4:]
    ('gb18030', '41名\ufffd')
    """
    best: tuple[int, float, Decoded] | None = None
    for codec, name in (("utf-8", "utf-8"), ("gb18030", "gb18030"), ("big5hkscs", "big5")):
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if bad > max(2, len(text) // 200):
            continue
        ratio = common_ratio(text.replace("\ufffd", ""))
        visible = [ch for ch in text if not ch.isspace()]
        cjk_share = sum(1 for ch in visible if is_cjk(ch)) / max(len(visible), 1)
        if ratio < 0.8 or cjk_share < 0.1:  # repair Chinese text only; leave the rest to detection
            continue
        if best is None or (bad, -ratio) < (best[0], -best[1]):
            best = (bad, ratio, Decoded(text, name))
    return best[2] if best else None


def _charset_normalizer(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None or match.chaos > 0.2:
        return None
    name = match.encoding.lower().replace("_", "-")
    return Decoded(str(match), name)


def _checked(decoded: Decoded) -> Decoded:
    if not decoded.text.strip():
        raise DecodeError("file is empty")
    if control_ratio(decoded.text) > 0.05:
        raise DecodeError("binary file, not a text document")
    return decoded

"""The main text of an HTML page: no scripts, navigation or page furniture; blocks become lines.

The article is the smallest element that still holds most of the page's
non-link CJK text (a readability-style descent from ``<body>``); the page's
``<h1>`` is kept in front of it when the article container leaves it out.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

from corpus.textcodec import Decoded, DecodeError, decode_bytes, is_cjk

# Elements whose content is never article text.
_DROP = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "canvas", "button", "select", "textarea", "input", "object", "embed", "head",
)  # fmt: skip
# Elements that start a new line.
_BLOCK = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
    "h4", "h5", "h6", "tr", "table", "thead", "tbody", "tfoot", "blockquote", "pre", "hr", "center",
    "address", "figure", "figcaption", "caption", "body", "html",
}  # fmt: skip
_CELL = {"td", "th"}
# class/id words that mark page furniture rather than the article (matched as whole words).
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|sidebar|footer|header|topbar|share|"
    r"comments?|related|recommend|advert|ads?|banner|copyright|pager|pagination)(?:$|[\s_-])",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_CELL_SEP = re.compile(r" ?\x1f ?")  # placeholder for the tab between table cells
# Charset labels pages declare, mapped to the codec that reads them (gb2312/gbk pages often hold GBK-only chars).
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag declares in the first 4 KB, lowercased.

    >>> declared_charset(b'<meta charset="GB2312"><p>x</p>')
    'gb2312'
    >>> declared_charset(b'<p>none</p>') is None
    True
    """
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_html(data: bytes) -> Decoded:
    """Decode page bytes: a BOM or valid UTF-8 wins, then the declared charset, then detection."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf8"):
        codec = _CHARSET_ALIASES.get(declared, declared)
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            name = "big5" if codec.startswith("big5") else codec.replace("_", "-")
            return Decoded(text, name)
    return decode_bytes(data)


def html_to_text(markup: str) -> str:
    """The article text of a page, one block per line.

    >>> html_to_text("<html><body><nav>首页 > 总结</nav><h1>社区工作总结</h1>"
    ...              "<div><p>一、党建工作</p><p>发展党员3名。<br>开展活动5次。</p></div>"
    ...              "<script>var a=1;</script><footer>版权所有</footer></body></html>")
    '社区工作总结\\n一、党建工作\\n发展党员3名。\\n开展活动5次。'
    """
    soup = BeautifulSoup(markup, "lxml")
    for node in soup.find_all(string=lambda s: isinstance(s, Comment | Doctype | ProcessingInstruction)):
        node.extract()
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for tag in soup.find_all(_is_furniture):
        tag.decompose()
    body = soup.body or soup
    article = _main_element(body)
    for block in article.find_all(_is_link_list):
        block.decompose()
    lines = _render(article)
    title = _title(soup)
    if title and title not in lines:
        lines.insert(0, title)
    return "\n".join(lines)


def _is_furniture(tag: Tag) -> bool:
    if tag.name in ("body", "html", "main", "article"):
        return False
    words = " ".join([*tag.get("class", []), tag.get("id") or "", tag.get("role") or ""])
    return bool(words.strip()) and bool(_FURNITURE.search(words))


def _is_link_list(tag: Tag) -> bool:
    """A block that is mostly links (related-article lists, tag clouds, pagers)."""
    if tag.name not in ("ul", "ol", "div", "p", "table", "dl", "section"):
        return False
    links = tag.find_all("a")
    if len(links) < 2:
        return False
    total = sum(1 for ch in tag.get_text() if is_cjk(ch) or ch.isalnum())
    linked = sum(1 for a in links for ch in a.get_text() if is_cjk(ch) or ch.isalnum())
    return total > 0 and linked / total > 0.6


def _title(soup: BeautifulSoup) -> str | None:
    h1 = soup.find("h1")
    if h1 is None:
        return None
    text = _SPACES.sub(" ", h1.get_text(" ")).strip()
    return text or None


def _text_weight(tag: Tag) -> int:
    """CJK characters of ``tag`` outside links (navigation is mostly links)."""
    total = sum(1 for ch in tag.get_text() if is_cjk(ch))
    linked = sum(1 for a in tag.find_all("a") for ch in a.get_text() if is_cjk(ch))
    return total - linked


def _main_element(body: Tag) -> Tag:
    """Descend from ``body`` into the child holding at least 80 % of the text, while there is one."""
    node = body
    weight = _text_weight(node)
    while weight > 0:
        children = [c for c in node.children if isinstance(c, Tag)]
        if not children:
            break
        scored = max(children, key=_text_weight)
        child_weight = _text_weight(scored)
        if child_weight < 0.8 * weight:
            break
        node, weight = scored, child_weight
    return node


def _render(root: Tag) -> list[str]:
    """Lines of text: blocks and ``<br>`` break lines, table cells are joined by a tab."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _CELL_SEP.sub("\t", _SPACES.sub(" ", "".join(current))).strip(" \t")
        if line:
            lines.append(line)
        current.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                current.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                flush()
            elif name in _CELL:
                current.append("\x1f" if "".join(current).strip() else "")
                walk(child)
            elif name in _BLOCK:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(root)
    flush()
    return lines


__all__ = ["DecodeError", "decode_html", "html_to_text", "declared_charset"]

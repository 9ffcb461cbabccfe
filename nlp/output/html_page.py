"""One self-contained HTML page: inline CSS and script, no external request, every text escaped.

Both the comparison report and the per-document review page are built with ``page``. Everything
that comes from a document goes through ``esc`` (text) or ``attr`` (attribute values), so a document
containing ``<script>`` shows it as text.
"""

from __future__ import annotations

import html

BASE_CSS = """
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --paper: #ffffff; --band: #f0f4f8;
        --warn: #d9822b; --err: #c0392b; --info: #2680c2; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
       color: var(--ink); background: var(--band); }
header.top { background: #243b53; color: #fff; padding: 14px 24px; }
header.top h1 { margin: 0; font-size: 20px; }
header.top p { margin: 4px 0 0; color: #bcccdc; }
header.top nav a { color: #fff; margin-right: 16px; }
main { padding: 16px 24px 80px; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px;
          margin-bottom: 18px; }
h2 { font-size: 17px; margin: 4px 0 10px; }
h3 { font-size: 15px; margin: 12px 0 6px; }
a { color: #0b69a3; }
.muted { color: var(--muted); }
.sev-error { color: var(--err); }
.sev-warning { color: var(--warn); }
.sev-info { color: var(--info); }
.badge { display: inline-block; border-radius: 3px; padding: 0 5px; font-size: 12px; color: #fff; }
.badge.sev-error { background: var(--err); color: #fff; }
.badge.sev-warning { background: var(--warn); color: #fff; }
.badge.sev-info { background: var(--info); color: #fff; }
#panel { position: fixed; right: 16px; bottom: 16px; width: min(460px, 92vw); background: #fffbea;
         border: 2px solid #f0b429; border-radius: 6px; padding: 10px 34px 10px 14px;
         box-shadow: 0 4px 16px rgba(0,0,0,.2); z-index: 10; }
#panel[hidden] { display: none; }
#panel .close { position: absolute; top: 4px; right: 8px; border: 0; background: none; font-size: 18px;
                cursor: pointer; }
#panel blockquote { margin: 6px 0; padding-left: 10px; border-left: 3px solid #f0b429; }
"""


def esc(text: object) -> str:
    """Text for an HTML element: every markup character escaped.

    >>> esc("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    return html.escape("" if text is None else str(text), quote=False)


def attr(text: object) -> str:
    """Text for a quoted attribute value.

    >>> attr('a "b" <c>')
    'a &quot;b&quot; &lt;c&gt;'
    """
    return html.escape("" if text is None else str(text), quote=True)


def page(title: str, body: str, css: str = "", script: str = "") -> str:
    """The whole document. ``script`` is the page's own code, never text from a document."""
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        "<link rel=\"icon\" href=\"data:,\">\n"
        f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n<body>\n{body}\n"
        + (f"<script>\n{script}\n</script>\n" if script else "")
        + "</body>\n</html>\n"
    )

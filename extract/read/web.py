"""The report body of a saved government web page.

Navigation, breadcrumbs, footers, scripts and share widgets are removed by tag
and by class/id; the article is then found by text density: starting at <body>,
descend into the child holding most of the non-link text while it holds most of
its parent's. The page title (h1 or <title>) is put first when the body lacks it.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError

from extract.read.decode import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_FURNITURE_TAGS = (
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "button", "select", "input", "textarea", "svg", "object", "embed", "template",
)
_FURNITURE_NAMES = re.compile(
    r"nav|menu|breadcrumb|crumb|foot|share|bdshare|copyright|sidebar|side-bar|topbar|top-bar|banner|"
    r"position|location|print|toolbar|tools|related|xgwz|pager|paging|login|search|qrcode|ewm|weixin|wechat",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    ["p", "div", "br", "li", "ul", "ol", "tr", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "dd", "dt", "dl", "blockquote", "pre", "center", "hr", "address", "figure", "figcaption"]
)
_CELL_TAGS = frozenset(("td", "th"))
_TITLE_SPLIT = re.compile(r"\s*[_|｜\-–—]\s*")
_CJK_BREAK = re.compile(r"(?<=[\u4e00-\u9fff，。；：、！？“”（）])\s*\n\s*(?=[\u4e00-\u9fff，。；：、！？“”（）])")


def meta_charset(data: bytes) -> str:
    """The charset the page declares in its first few kilobytes, or ""."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else ""


def _own_text(el: lxml.html.HtmlElement) -> int:
    return len("".join(el.text_content().split()))


def _link_text(el: lxml.html.HtmlElement) -> int:
    return sum(_own_text(a) for a in el.iter("a"))


def _content(el: lxml.html.HtmlElement) -> int:
    return _own_text(el) - _link_text(el)


def _is_furniture(el: lxml.html.HtmlElement) -> bool:
    names = f"{el.get('class', '')} {el.get('id', '')}"
    style = el.get("style", "").replace(" ", "").lower()
    if "display:none" in style:
        return True
    if not _FURNITURE_NAMES.search(names):
        return False
    # A block named like furniture that holds the article (e.g. "content-print") is kept.
    total = _own_text(el)
    return total < 300 or _link_text(el) > total / 2


def drop_furniture(root: lxml.html.HtmlElement) -> None:
    """Remove page chrome in place."""
    for el in list(root.iter()):
        if el.getparent() is None:
            continue
        if not isinstance(el.tag, str):  # comments and processing instructions
            el.drop_tree()
            continue
        if el.tag in _FURNITURE_TAGS or (el.tag not in ("html", "body") and _is_furniture(el)):
            el.drop_tree()


def main_block(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The densest block: descend while one child holds most of the non-link text."""
    node = root.find("body")
    node = root if node is None else node
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        if not children:
            return node
        best = max(children, key=_content)
        if _content(best) < 0.6 * max(_content(node), 1):
            return node
        node = best


def block_text(el: lxml.html.HtmlElement) -> str:
    """Text with a line break around every block element and a tab before table cells."""
    parts: list[str] = []

    def inline(text: str | None) -> None:
        if text:
            parts.append(re.sub(r"[ \t\r\f]+", " ", _CJK_BREAK.sub("", text)).replace("\n", " "))

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        elif tag in _CELL_TAGS:
            parts.append("\t")
        if tag:
            inline(node.text)
            for child in node:
                walk(child)
                inline(child.tail)
        if tag in _BLOCK_TAGS:
            parts.append("\n")

    walk(el)
    return "".join(parts)


def page_title(root: lxml.html.HtmlElement) -> str:
    """The article's title: an h1/h2 matching the first part of <title> (sites put their name last)."""
    title_el = root.find(".//title")
    head = " ".join(title_el.text_content().split()) if title_el is not None else ""
    first = _TITLE_SPLIT.split(head)[0] if head else ""
    for tag in ("h1", "h2"):
        for el in root.iter(tag):
            text = " ".join(el.text_content().split())
            if text and (not first or (len(text) >= 4 and (text in first or first in text))):
                return text
    return first


def html_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) of the page's article, title first."""
    text, encoding = decode_bytes(data, declared=meta_charset(data))
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
    except ParserError:
        return "", encoding
    title = page_title(root)
    drop_furniture(root)
    body = block_text(main_block(root))
    if title and title not in body[: len(title) + 400]:
        body = f"{title}\n{body}"
    return body, encoding

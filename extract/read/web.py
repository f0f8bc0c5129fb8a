"""The report body of a saved government web page.

Navigation, breadcrumbs, footers, scripts and share widgets are removed by tag
and by class/id; the article is then found by text density: starting at <body>,
descend into the child holding most of the non-link text while it holds most of
its parent's. The page title (h1 or <title>) is put first when the body lacks it.
Pages nested up to 2,048 elements deep are read; libxml2 stops at that depth and
drops the rest, so a deeper page is refused rather than read in part.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError

from extract.read.decode import decode_bytes
from extract.read.errors import Unreadable

MAX_DEPTH = 2048  # libxml2's limit with XML_PARSE_HUGE

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


class HtmlError(Unreadable):
    """The cause (as ReadError wants it) of a page that cannot be read whole."""


def meta_charset(data: bytes) -> str:
    """The charset the page declares in its first few kilobytes, or ""."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else ""


def _count(text: str | None) -> int:
    """Characters other than whitespace."""
    return len("".join(text.split())) if text else 0


class _Sizes:
    """Non-space characters of each element's text and of the links inside it, counted in one pass.

    Counting each element's text_content() anew costs the subtree each time, which
    on a deep page is quadratic (minutes for 10 MB nested 2,000 levels).
    """

    def __init__(self, root: lxml.html.HtmlElement) -> None:
        self.text: dict[lxml.html.HtmlElement, int] = {}
        self.links: dict[lxml.html.HtmlElement, int] = {}
        for el in reversed(list(root.iter())):  # every element after its descendants
            text = _count(el.text) if isinstance(el.tag, str) else 0  # a comment's text is no text
            links = 0
            for child in el:
                text += self.text[child] + _count(child.tail)
                links += self.links[child]
            self.text[el] = text
            self.links[el] = text if el.tag == "a" else links

    def content(self, el: lxml.html.HtmlElement) -> int:
        return self.text[el] - self.links[el]


def _is_furniture(el: lxml.html.HtmlElement, sizes: _Sizes) -> bool:
    names = f"{el.get('class', '')} {el.get('id', '')}"
    style = el.get("style", "").replace(" ", "").lower()
    if "display:none" in style:
        return True
    if not _FURNITURE_NAMES.search(names):
        return False
    # A block named like furniture that holds the article (e.g. "content-print") is kept.
    total = sizes.text[el]
    return total < 300 or sizes.links[el] > total / 2


def drop_furniture(root: lxml.html.HtmlElement) -> None:
    """Remove page chrome in place.

    Elements are visited parents first, so an element's subtree is still whole
    when it is judged and the sizes counted before any removal hold.
    """
    elements = list(root.iter())
    sizes = _Sizes(root)
    for el in elements:
        if el.getparent() is None:
            continue
        if not isinstance(el.tag, str):  # comments and processing instructions
            el.drop_tree()
            continue
        if el.tag in _FURNITURE_TAGS or (el.tag not in ("html", "body") and _is_furniture(el, sizes)):
            el.drop_tree()


def main_block(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The densest block: descend while one child holds most of the non-link text."""
    node = root.find("body")
    node = root if node is None else node
    sizes = _Sizes(node)
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        if not children:
            return node
        best = max(children, key=sizes.content)
        if sizes.content(best) < 0.6 * max(sizes.content(node), 1):
            return node
        node = best


def block_text(el: lxml.html.HtmlElement) -> str:
    """Text with a line break around every block element and a tab before table cells.

    The tree is walked with a stack of its own, not by recursion: a page may nest
    elements deeper than Python's recursion limit.
    """
    parts: list[str] = []

    def inline(text: str | None) -> None:
        if text:
            parts.append(re.sub(r"[ \t\r\f]+", " ", _CJK_BREAK.sub("", text)).replace("\n", " "))

    stack: list[tuple[str, lxml.html.HtmlElement]] = [("open", el)]
    while stack:
        step, node = stack.pop()
        if step == "tail":
            inline(node.tail)
            continue
        if step == "close":
            parts.append("\n")
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCK_TAGS:
            parts.append("\n")
            stack.append(("close", node))
        elif tag in _CELL_TAGS:
            parts.append("\t")
        if tag:
            inline(node.text)
            for child in reversed(node):
                stack.append(("tail", child))
                stack.append(("open", child))
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
    parser = lxml.html.HTMLParser(huge_tree=True)  # nesting up to 2,048 levels instead of 256
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except ParserError:
        return "", encoding
    for error in parser.error_log:
        if "Excessive depth" in error.message:  # libxml2 stopped there and dropped the rest
            raise HtmlError(f"HTML nested too deeply (over {MAX_DEPTH:,} levels at line {error.line})")
    title = page_title(root)
    drop_furniture(root)
    body = block_text(main_block(root))
    if title and title not in body[: len(title) + 400]:
        body = f"{title}\n{body}"
    return body, encoding

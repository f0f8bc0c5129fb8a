"""Text cleaning applied to every format after reading.

Every later step's offsets refer to the cleaned text, so cleaning happens once,
here, as an ordered list of small named steps. Each step takes and returns the
whole text; lines are paragraphs ("\\n" between them, no empty lines).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

Step = Callable[[str], str]

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

# Debris left by converters and paywalled re-posts, removed wherever it sits.
# PDF fonts often map ideographs to look-alike radicals (⻘ for 青, ⼈ for 人). Kangxi radicals
# (U+2F00-2FD5) fold by NFKC; the supplement (U+2E80-2EF3) by this table, taken from the
# collation equivalences in glibc's iso14651_t1_common.
_RADICAL_PAIRS = (
    "⺀丶⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇几⺈刀⺉刂⺊卜⺋卩⺌小⺍小⺎尢⺏尣⺐尢⺑尣⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日"
    "⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪疋⺫目⺬示⺭礻⺮竹⺯糹⺰纟⺱罓⺲罒⺳罓⺴罓⺵罒⺶羊⺷羊"
    "⺸羋⺹耂⺺肀⺻聿⺼肉⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長"
    "⻒镸⻓长⻔门⻕阜⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻞飠⻟飠⻠饣⻡首⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧鹵⻨麦⻩黄⻪黾⻫齊"
    "⻬齐⻭齒⻮齿⻯龍⻰龙⻱龜⻲龜⻳龟"
)
_RADICALS = {ord(_RADICAL_PAIRS[i]): _RADICAL_PAIRS[i + 1] for i in range(0, len(_RADICAL_PAIRS), 2)}
_RADICALS.update({code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)})
_ANY_RADICAL = re.compile("[\u2e80-\u2fd5]")

_DEBRIS = re.compile(
    r"\[bookmark:[^\]]*\]"
    r"|##paid(?:begin|end)##"
    r"|\[image:[^\]]*\]"
    r"|\[(?:图片|image)\]",
    re.IGNORECASE,
)

# Page furniture of government web sites; only short lines are dropped so a
# sentence that happens to mention e.g. 来源 survives.
_BOILERPLATE_LINES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"ICP\s*备|ICP\s*证|公网安备|网站标识码|备案号"), 200),
    (re.compile(r"^(?:信息)?来源[:：]"), 80),
    (re.compile(r"发布时间[:：]|发布日期[:：]|更新时间[:：]|浏览次数|阅读次数|访问次数|点击数[:：]|阅读量[:：]"), 120),
    (re.compile(r"扫一扫"), 40),
    (re.compile(r"【\s*(?:打印|关闭|收藏|字体|大|中|小|返回顶部)\s*】"), 60),
    (re.compile(r"^分享到|^分享[:：]"), 60),
    (re.compile(r"^(?:当前位置|您现在的位置|您的位置|所在位置)[:：]"), 120),
    (re.compile(r"^(?:版权所有|主办单位|承办单位|技术支持|联系我们|网站地图)"), 120),
    (re.compile(r"^[【\[]?\s*(?:打印本页|关闭窗口|返回顶部|上一篇|下一篇)"), 80),
    (re.compile(r"^[—\-－–‐\s]*\d{1,3}[—\-－–‐\s]*$"), 12),  # page numbers: — 3 —, -3-
    (re.compile(r"^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$"), 20),
)

# A line broken inside a sentence, as PDF and OCR text is: only where the break is sure to
# fall inside one (a quote or bracket left open, a line ending on 、 or ，), since real
# reports also end titles, headers and list items without punctuation.
_WRAP_MIN = 10
_OPEN_END = re.compile(r"[、，,]$")
_SUBTITLE = re.compile(r"^[—－\-]{1,2}|会上$|会议上$")  # ——在…人大会议上
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十]+[章节部分条])")
_PROSE = re.compile(r"[，。；]")  # a line with these is a sentence, not a title, heading or table row
_TERMINAL_END = re.compile(r"[。！？!?；;：:”’）)】》…]$")
_CELLS = re.compile(r"\t|\||\s{2,}")  # a table row: its cells may be of one length too, and end open

# Spaces a PDF layer puts between Chinese characters: after every one (letter spacing), or
# between words; a report's title is closed up too, not a byline.
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff\d，。、；：！？（）“”]) (?=[\u4e00-\u9fff\d，。、；：！？（）“”])")
_HAN = re.compile("[\u4e00-\u9fff]")
_HAN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_REPORT_TITLE = re.compile(r"总结|计划|报告|打算|要点|汇报|思路|安排")


_FULLWIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
_FULLWIDTH.update({ord("％"): ord("%"), ord("＋"): ord("+"), ord("＝"): ord("=")})
_ANY_FULLWIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％＋＝．]")
_FULLWIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")  # not 8·1, the name of a day


def fold_fullwidth(text: str) -> str:
    """Full-width digits and Latin letters (２０２３年, ＡＡＡＡ级) as ASCII, so years, amounts
    and grades read the same in every report; Chinese punctuation stays full-width."""
    if not _ANY_FULLWIDTH.search(text):
        return text
    return _FULLWIDTH_POINT.sub(".", text.translate(_FULLWIDTH))


def nfc(text: str) -> str:
    """Compose characters so the same word always has the same code points."""
    return unicodedata.normalize("NFC", text)


def fold_radicals(text: str) -> str:
    """Replace radical look-alikes that PDF text layers produce with the ideographs meant."""
    return text.translate(_RADICALS) if _ANY_RADICAL.search(text) else text  # translate() walks every character


# a title opened by ' or ‘ and closed by “ (a page's quotes lost in a conversion): '全国文明村镇“
_PRIMES = str.maketrans("〝〞〟", "“””")  # double prime quotation marks, as some editors write quotes
_PRIME_QUOTES = re.compile("[〝〞〟]")
_MISMATCHED_QUOTES = re.compile("['‘]([\u4e00-\u9fff][^'‘’“”\n]{0,38}?)“")


def mend_quotes(text: str) -> str:
    """'全国文明村镇“'省级卫生镇“ -> “全国文明村镇”“省级卫生镇”, 〝…〞 -> “…”: the pairs every later step expects."""
    if _PRIME_QUOTES.search(text):
        text = text.translate(_PRIMES)
    if "'" not in text and "‘" not in text:
        return text
    return _MISMATCHED_QUOTES.sub(r"“\1”", text)


def normalise_line_endings(text: str) -> str:
    """CRLF, CR, form feeds and Unicode line/paragraph separators all become "\\n"."""
    return re.sub("\r\n?|[\u2028\u2029\x0b\x0c\x85]", "\n", text)


def strip_zero_width(text: str) -> str:
    """Zero-width and control characters break matching and offsets but carry nothing."""
    return _CONTROL.sub("", _ZERO_WIDTH.sub("", text))


def drop_debris(text: str) -> str:
    """Remove converter markers such as [bookmark: _GoBack] and ##paidbegin##."""
    return _DEBRIS.sub("", text)


_ANY_SPACE = re.compile("[ \t\u3000\u00a0\u2002\u2003]")


def collapse_spaces(text: str) -> str:
    """One space for runs of spaces, one tab for cell gaps, no indents or trailing blanks.

    Full-width spaces (U+3000) used as paragraph indents are dropped; inside a line
    a run of them becomes one, since some reports use it as a separator.
    """
    lines = []
    for line in text.split("\n"):
        if not _ANY_SPACE.search(line):
            lines.append(line)
            continue
        line = line.replace("\u00a0", " ").replace("\u2002", " ").replace("\u2003", " ")
        line = re.sub(r"[ ]*\t[ \t]*", "\t", line)
        line = re.sub(r" {2,}", " ", line)
        line = re.sub("\u3000{2,}", "\u3000", line)
        line = re.sub("[ \u3000]*\t[ \u3000]*", "\t", line)
        lines.append(line.strip(" \t\u3000"))
    return "\n".join(lines)


def close_spaced_han(text: str) -> str:
    """Close up spaces between Chinese characters: in a line set with a space after every
    character (青 石 镇 荣 获…, PDF letter spacing), all of them; in a line of prose, the
    single spaces a PDF layer puts between words (乡 镇党委, 社区治理 激活…), which Chinese
    does not write. Table rows (tabs, or no sentence punctuation) keep their cell gaps."""
    lines = []
    for i, line in enumerate(text.split("\n")):
        if " " in line and "\t" not in line:
            han = len(_HAN.findall(line))
            if han >= 6 and len(_SPACED.findall(line)) >= 0.6 * han:
                line = _SPACED.sub("", line)
            elif _PROSE.search(line) or (i == 0 and len(line) <= 40 and _REPORT_TITLE.search(line)):
                line = _HAN_SPACE.sub("", line)  # also the title: 桃花 镇2021年工作总结
        lines.append(line)
    return "\n".join(lines)


def drop_boilerplate_lines(text: str) -> str:
    """Drop web page furniture: ICP/备案 footers, 来源/发布时间 headers, 扫一扫, 打印/关闭, 分享到."""
    kept = []
    for line in text.split("\n"):
        if any(len(line) <= limit and pattern.search(line) for pattern, limit in _BOILERPLATE_LINES):  # the length first: cheap
            continue
        kept.append(line)
    return "\n".join(kept)


def join_wrapped_lines(text: str) -> str:
    """Join lines that a PDF or OCR layer broke inside a sentence (荣获“全国文明\n村”称号;
    引进远舟、\n青禾等企业; a line of prose that stops without a sentence end), so names and
    sentences are whole again; a line that may have ended (a title, a header, a list
    item) stays a line."""
    out: list[str] = []
    for line in text.split("\n"):
        prev = out[-1] if out else ""
        wrapped = len(prev) >= _WRAP_MIN and not _SUBTITLE.search(prev) and not _HEADING.match(prev) and bool(
            _OPEN_END.search(prev) or prev.count("“") > prev.count("”") or prev.count("（") > prev.count("）")
            or (_PROSE.search(prev) and not _TERMINAL_END.search(prev) and "\t" not in prev)
        )
        if wrapped and line[:1] and "\u4e00" <= line[0] <= "\u9fff" and not _HEADING.match(line):
            out[-1] = prev + line
        else:
            out.append(line)
    return "\n".join(out)


def _wrap_width(lines: list[str]) -> int | None:
    """The width a PDF or OCR layer wrapped the text at, if it did: most long lines end open
    (no sentence end) and most of those have one length, give or take a character. Headings
    and table rows are left out: they are often of one length too."""
    body = [line for line in lines[1:] if len(line) >= 15 and not _HEADING.match(line) and not _CELLS.search(line)]
    lengths = [len(line) for line in body if not _TERMINAL_END.search(line)]
    if len(lengths) < 5 or len(lengths) < 0.4 * len(body):
        return None
    width = Counter(lengths).most_common(1)[0][0]
    near = sum(1 for n in lengths if width - 2 <= n <= width + 1)
    return width if near >= 0.6 * len(lengths) else None


def join_hard_wrapped(text: str) -> str:
    """Join the lines of a text wrapped at a fixed width (every line about as long, ending
    mid-sentence): each such line runs on into the next, unless that opens a heading."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    run_on = False
    for line in lines:
        if run_on and line[:1] and not _HEADING.match(line) and not _CELLS.search(line):
            out[-1] += line
        else:
            out.append(line)
        run_on = len(line) >= width - 2 and not (_TERMINAL_END.search(line) or _HEADING.match(line) or _CELLS.search(line))
    return "\n".join(out)


def drop_empty_lines(text: str) -> str:
    """Paragraphs are separated by exactly one "\\n"."""
    return "\n".join(line for line in text.split("\n") if line.strip())


STEPS: tuple[Step, ...] = (
    nfc,
    fold_fullwidth,
    fold_radicals,
    mend_quotes,
    normalise_line_endings,
    strip_zero_width,
    drop_debris,
    collapse_spaces,
    close_spaced_han,
    drop_boilerplate_lines,
    drop_empty_lines,
    join_hard_wrapped,
    join_wrapped_lines,
)


def clean(text: str, steps: tuple[Step, ...] = STEPS) -> str:
    """Apply the cleaning steps in order."""
    for step in steps:
        text = step(text)
    return text

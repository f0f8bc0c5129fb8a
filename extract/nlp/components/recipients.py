"""Recipients the other steps do not name: a facility or group right before an award verb
(敬老院…获评, 禾苗公益、青藤公益等3家社会组织荣获) becomes an Organization mention, so AWARDED
finds it as the text names it.

Only the words between the clause's start and the honour's trigger are read, and
only when no mention already stands there.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text
from extract.nlp.components.honours import GIVING, TRIGGER
from extract.nlp.lexicon import alternation, jieba_tags, words
from extract.nlp.mention import Mention, mentions
from extract.patterns import COUNTED_MATES, after_last

_CLAUSE = re.compile(r"[，。；,;：:！？\n]")
# what stands between a recipient and its award verb (成为全市首家获评, 等3家社会组织荣获, 成功)
_GAP = re.compile(
    r"(?:居民委员会|村民委员会|居委会|村委会)?"  # a community's committee stands for the community
    r"(?:等[\d一二两三四五六七八九十]*[家个名户所]?[\u4e00-\u9fff]{0,6}?|[\d一二两三四五六七八九十]+[个家所][\u4e00-\u9fff]{0,4}?)?"
    r"(?:成为|作为)?(?:全[国省市区县镇乡])?(?:唯一|首个|首家|首批)?(?:一家)?"
    r"(?:在[^，。；,;在]{2,30}?[中上])?"
    rf"(?:{alternation('award_adverbs.txt')})*$"
)
# what follows the names a giving verb gives to (等46个单位为, 同志为, 为)
_GIVEN_TO = re.compile(rf"(?:(?:{COUNTED_MATES}|同志)为?|为)[“\"]?$")
_PLACERS = frozenset({"Province", "City", "District", "Subdistrict"})
_COUNT_AFTER = re.compile(r"[\d一二两三四五六七八九十]+[个家所名户]")
_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{2,14}")
_BRANDED = re.compile(r"[“\"]?([\u4e00-\u9fff]{2,8})[”\"]?牌([\u4e00-\u9fff]{1,8})")
_PLACE_QUOTED = re.compile(r"[\u4e00-\u9fff]{1,8}?[镇乡村区县市][“\"]([^”\"]{2,12})[”\"]")
_QUOTED_PRODUCT = re.compile(r"[“\"]([\u4e00-\u9fff]{2,8})[”\"]([\u4e00-\u9fff]{1,6})")  # “岭上香”茶叶
# the report's own place by a pronoun (我镇, 本街道, 全乡): AWARDED gives it the report's place
_SELF = re.compile(r"^(?:(?:我|本|全)(?:镇|乡|街道|街|区|县|市|村|社区)|镇区$|集镇$)")
_QUOTED = re.compile(r"[“\"《]([^”\"》]+)[”\"》]")  # also a case or a book in 《》
# a contest named before the verb (在全县…考核中蝉联…) is no recipient
_CONTEST = re.compile(r"在[^，。；,;]{2,30}?(?:中|上)")
_PRONOUN = re.compile(r"他|她|其|这|该|此|本人")  # 他本人被评为…: someone named before, not a name
_COUNTED = re.compile(r"[两二三四五六七八九十\dxX]+个?(?:项目|村|家|户|人|名)$")  # 某镇两项目入选…: counted, not named
_WORK = re.compile(r"(?:考核|测评|评比|评选|考评|竞赛|比赛|大赛|评估|检查|工作)$")
_COMMON_TAGS = frozenset({"v", "vn", "a", "ad", "d", "r", "m", "q", "p", "c", "f", "t"})  # a verb or count before the trade: no name
_NOUN_TAGS = frozenset({None, "n", "nz", "nt", "ns", "nr", "j", "l"})
_PROPER_TAGS = frozenset({"nz", "nt", "ns", "nr", "j"})
_TIME = re.compile(r"\d|年度|季度|月份|[今全去近明]年|[上下]半年")  # 老年协会 names a body, 今年 no one


def _items(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The names in a 、-list between a and b, each 2-14 characters, else []."""
    items: list[tuple[int, int, str]] = []
    pos = a
    for part in text[a:b].split("、"):
        placed = _PLACE_QUOTED.fullmatch(part)  # 龙岗镇“板凳龙”被列入…: the quoted item of the place
        if placed:
            pos += placed.start(1) - 1
            part = part[placed.start(1) - 1 :]
        quoted = _QUOTED.fullmatch(part)  # “桃源大米”获评…: a product or brand in quotes
        branded = _BRANDED.fullmatch(part)  # “桃源”牌大米: brand and product, named without quotes
        if quoted and _NAME.fullmatch(quoted.group(1)):
            items.append((pos + 1, pos + len(part) - 1, quoted.group(1)))
        elif branded and branded.group(2).endswith(tuple(words("product_heads.txt"))):
            items.append((pos, pos + len(part), branded.group(1) + "牌" + branded.group(2)))
        elif (product := _QUOTED_PRODUCT.fullmatch(part)) and product.group(2).endswith(tuple(words("product_heads.txt"))):
            items.append((pos, pos + len(part), product.group(1) + product.group(2)))
        elif _NAME.fullmatch(part):
            items.append((pos, pos + len(part), part))
        else:
            return []
        pos += len(part) + 1
    return items


_WORKS = re.compile(r"(?:项目|工程|园区|产业园|基地|景区|公园|度假区|[一二三四五六七八九十]期)$")


def _facility_not_project(text: str, found: list[Mention], trigger: int, heads: tuple[str, ...]) -> None:
    """A running facility right before an award verb (青石镇卫生院获评…, 镇中心小学荣获…) receives
    the title; it is not a project being built, so it becomes an organisation."""
    for m in found:
        close = m.label == "Project" and m.end <= trigger and trigger - m.end <= 6
        if close and m.name.endswith(heads) and not _WORKS.search(m.name) and _GAP.fullmatch(text, m.end, trigger):
            m.label = "Organization"


@Language.component(
    "govkg_recipients", requires=["doc._.mentions"], assigns=["doc._.mentions"]
)
def recipients(doc: Doc) -> Doc:
    text = doc_text(doc)
    out = mentions(doc)
    tags = jieba_tags()
    stops = words("function_words.txt")
    heads = tuple(words("recipient_heads.txt") | words("product_heads.txt"))
    trades = words("trade_words.txt")
    for honour in [m for m in out if m.label == "Honour" and m.properties.get("trigger") is not None]:
        trigger = int(honour.properties["trigger"])
        _facility_not_project(text, out, trigger, heads)
        verb = TRIGGER.match(text, trigger)
        if verb and verb.group() in GIVING:  # 授予妇幼保健院等46个单位为…: the names after the verb
            clause_start = max(verb.end(), after_last(_CLAUSE, text, verb.end(), honour.start))
            again = TRIGGER.match(text, clause_start)
            clause_start = again.end() if again and again.group() in GIVING else clause_start  # …，授予B等…为Y
            given = _GIVEN_TO.search(text, clause_start, honour.start)
            end = trigger = given.start() if given else clause_start
        else:
            clause_start = after_last(_CLAUSE, text, max(0, trigger - 40), trigger)
            passive = text.rfind("被", clause_start, trigger)
            trigger = passive if passive > clause_start else trigger  # 镇文化站被文化和旅游部命名为…
            contest = _CONTEST.match(text, clause_start)
            clause_start = contest.end() if contest else clause_start
            gap = _GAP.search(text, clause_start, trigger)
            end = gap.start() if gap else trigger
            while end > clause_start and text[end - 1].isspace():
                end -= 1  # “竹海民宿” 获评…: a space before the verb
        named = [m for m in out if clause_start <= m.start < trigger and m.label != "Honour"]
        if end - clause_start < 2 or any(m.end >= end for m in named):
            continue  # the recipient is a mention already
        items = _items(text, clause_start, end)
        if not items or (len(items) == 1 and _COUNT_AFTER.match(text, end)):
            continue  # 某地五个村获评…: the place of the villages counted, not a recipient
        for a, b, name in items:
            while lead := next((w for w in words("recipient_leads.txt") if name.startswith(w) and len(name) - len(w) >= 3), ""):
                a, name = a + len(lead), name[len(lead) :]  # 携手青禾农贸市场, 全年仅镇应急办: the market, the office
            while placer := next((m for m in named if m.start == a and m.label in _PLACERS and m.end < b
                                  and any(v.start == m.end for v in named)), None):
                a, name = placer.end, name[placer.end - a :]  # 甲镇乙村党总支: the village's branch, placed by its town
            if "由" in name[2:]:  # 乡敬老院由二星级提升为…: the name ends before 由
                b, name = a + name.index("由", 2), name[: name.index("由", 2)]
            if "的" in name:  # 远舟公司生产的远舟大米: the product, not who made it
                cut = name.rindex("的") + 1
                a, name = a + cut, name[cut:]
            if any(m.start == a and m.end == b for m in named):
                continue  # named already (柳湾村、枫林村、桃源村3个村获评…)
            inside = any(a <= m.start and m.end < b for m in named)
            if inside and not name.endswith(heads):
                continue  # 八五三农场中学, 雁窝岛大米: a name around a place names a facility or product
            if _WORK.search(name) or _COUNTED.search(name) or _PRONOUN.match(name):
                continue  # 党建工作考核获“好”等次, 安全生产工作获评…: a contest or a field of work, no recipient
            if name in stops or _SELF.match(name) or (tags.get(name) not in _NOUN_TAGS and not inside) or _TIME.search(name):
                continue
            trade = next((w for w in trades if name.endswith(w) and len(name) - len(w) >= 2), "")
            if trade and not inside and tags.get(name[: -len(trade)]) not in _COMMON_TAGS:
                out.append(Mention(a, b, "Enterprise", name, {"recipient": True}))
                continue  # 汇川新材料获评…: a firm's short name, its trade last
            first = next((name[:k] for k in (4, 3, 2) if name[:k] in tags), "")
            quoted = a > 0 and text[a - 1] in "“\"《"  # quotes mark a name
            if not (inside or quoted) and not name.endswith(heads) and not _BRANDED.fullmatch(name) and first and tags[first] not in _PROPER_TAGS:
                continue  # 品牌创造有望: ordinary words, not a named recipient
            out.append(Mention(a, b, "Organization", name, {"recipient": True}))
    return doc

"""AWARDED: recipient -> Honour. The recipient is the named entity right before the award
verb (with its list mates: 樟木村、白沙村被评为…), else the report's own place (我镇获评…)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from extract.nlp.components.honours import GIVING, LISTING, TRIGGER, awards
from extract.nlp.lexicon import alternation, words
from extract.nlp.mention import Mention
from extract.nlp.names import MASK
from extract.patterns import after_last
from extract.relations.context import Context
from extract.sections import starts_heading
from graph.model import Relation

RECIPIENT_LABELS = frozenset(
    {"Village", "Community", "Subdistrict", "District", "Enterprise", "Project", "Person", "Organization"}
)
# what may stand between the recipient and the award verb
_GAP = re.compile(
    r"^\s*[”\"’」』》]?\s*(?:等(?:[\d一二两三四五六七八九十]+[个家名户所人位])?(?:村|社区|[\u4e00-\u9fff]{0,6}?)(?:[（(][\u4e00-\u9fff]{1,3}[）)])?|[\d一二两三四五六七八九十]+[个家所][\u4e00-\u9fff]{0,4}?|[两二三四五六七八九十\d]+(?:村|社区)|同志|家庭|一家|夫妇|"
    + alternation("award_adverbs.txt")
    + r"|\d{4}(?:[-—－~至]\d{4})?年度?"
    r"|(?:名列其中|榜上有名|位列其中|均?在列)[，,]?|居民委员会|村民委员会|居委会|村委会|成为|作为|全[国省市区县镇乡]|唯一|首个|首家|首批|在[^，。；,;在]{2,30}?[中上]|由[^，。；,;由]{1,8}?)*$"
)
_DIVISIONS = ("Province", "City", "District")
_PLACING = (*_DIVISIONS, "Subdistrict")
_RANK = {label: rank for rank, label in enumerate(_PLACING)}  # a place placing the next name ranks above it
_THIS_HONOUR = re.compile(r"(?:也|亦|同时|均|同样)?(?:获此|获得此|荣获此)(?:殊荣|荣誉|称号|荣誉称号)")
_THIS_REACH = 400  # how far back the title 获此殊荣 points to may stand
_OWN_BODY = re.compile(r"(?:街道|镇|乡)(?:党工委|党委|工委|人民政府|政府|办事处)?")
_COMMA_GAP = re.compile(r"^\s*[，,]\s*$")
_TOWN_BEFORE = re.compile(r"(?:[^\s、，,和及与的]{1,6}?(?:自治县|县|区|市|街道|镇|乡))+$")
_PEOPLE_COUNTED = re.compile(r"^[\d一二两三四五六七八九十]+[人名位](?:同志)?$")
_LIST_GAP = re.compile(r"^\s*(?:、|和|及|与|，)\s*$")
_CONTEST = re.compile(r"在[^，。；,;]*?中")
_COUNTED = re.compile(r"[\d一二两三四五六七八九十百]+(?:[户个家名位所人]|项目)")
_POINTER = re.compile(r"(?:该|此|这|其|上述|以上|他|她)(?!镇|乡|街道|街)|我(?![镇乡街村社区县市们])|本人")  # 该镇 is the report's own town
# the report's own unit, named or pointed at (我镇, 全乡, 街道, 咱村)
_UNIT = re.compile(r"(?:我|本|全|该|咱)?(?:镇|乡|街道|街|区|县|村|社区|园区|开发区|农场)")
# what may open a clause whose award goes to the report's own place: time, self-reference, adverbs
_SAID_OF_SELF = re.compile(
    r"\d{4}(?:[-—－~至]\d{4})?年度?|[今全去同]年|年内|[上下]半年|近[\d一二两三四五六七八九十几]*年来?|\d+月|一年来|以来|此外|同时|其中|期间|[\d一二两三四五六七八九十]+(?:年|个月|次)|"
    r"[\u4e00-\u9fff“”]{2,24}?(?:考核|测评|评比|评选|考评|竞赛|比赛|大赛|评估|检查)(?:中|上)?|[\u4e00-\u9fff]{2,12}?工作|"
    + _UNIT.pattern
    + r"(?:上下|党工委|党委|政府|办事处)?|我们|在?全[国省市区县](?:唯一|首个|首家|首批)?|唯一|首个|首家|首批|"
    + alternation("award_adverbs.txt")
    + r"|[\s，,、“”\"]"
)
_VILLAGE_SELF = re.compile(r"(?:我|本)(?:村|社区)")  # 我村党总支、村委会荣获…: the village whose report it is
_ANAPHOR = re.compile(r"该(村|社区|公司|企业)")
_ANAPHOR_LABELS = {"村": "Village", "社区": "Community", "公司": "Enterprise", "企业": "Enterprise"}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SELF_WORD = re.compile(r"(?:我|本|全|该)(?:镇|乡|街道|街)")
_SPEECH = re.compile(r"说|表示|介绍|强调|指出|谈到|告诉")
_SUBJECT_LABELS = ("Village", "Community", "Enterprise", "Project", "Person")
_CLAUSE = re.compile(r"[，。；,;：:\n]")
# the recipients named after a title counted before it (3个村获评…，分别是A、B、C)
_NAMED_AFTER = re.compile(
    r"[^。；;，,\n]{0,8}?(?:[，,：:]\s*)?(?:分别是|分别为|分别系|依次是|依次为|包括)[：:]?|[^。；;，,\n]{0,8}?的[\u4e00-\u9fff]{0,4}?(?:有|是)[：:]"
    r"|[^。；;\n]{0,12}?(?:名单|情况)?如下[：:]\s*|[，,][^。；;，,\n]{0,8}?(?:是|为)[：:]|[”\"]?(?:称号)?的[\u4e00-\u9fff]{1,4}[：:](?=\n)"
)
# the next sentence listing who received the title (…上榜。这5个村分别是：)
_NEXT_SENTENCE_LIST = re.compile(
    r"[。；;\n]\s*(?:这|以上|上述)[\d一二两三四五六七八九十]+[个家名位所][^。；;\n：:]{0,10}?(?:分别)?(?:是|为|有|包括)[：:]"
)
# a sentence, a blank line, a long line, or a line of prose or a heading (with ，or ：)
_BLOCK_END = re.compile(r"[。；;]|\n\s*\n|\n[^\n]{41}|\n[^\n]*[，,：:]")
_LIST_END = re.compile(r"[。；;\n]")
# between a title and the person it describes: a closing quote, or 、 and their post (、白鹭村党支部书记)
_APPOSITION = re.compile(r"[”\"」』]?(?:、[^，。；,;：:\n“”、]{2,16})?")
_DATED_ITEM = re.compile(r"、(?=\d{4}年)")
_SENTENCE_END = re.compile(r"[。！!？?；;]\s*$")
_LISTED_CLAUSE = re.compile(rf"(?:{LISTING})[！!。]?\s*$")
_RELATIVE = re.compile(r"[”\"」』]?(?:[和及、][^，。；,;：:的“”]{2,16}?[”\"」』]?)?(?:荣誉称号|称号|荣誉)?的")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_FULL_STOP = re.compile(r"(?<!\d)\.|\.(?!\d)")  # an ASCII full stop ends a sentence the layout kept whole


def recipients(ctx: Context, trigger: int, honour: Mention | None = None) -> list[Mention]:
    """Mentions that receive an honour whose award verb starts at `trigger`: before the verb,
    or between it and the title for a verb that gives (授予张三、李四“…”称号)."""
    verb = TRIGGER.match(ctx.text, trigger)
    clause_start = after_last(_CLAUSE, ctx.text, max(0, trigger - 60), trigger, default=0)
    passive = ctx.text.rfind("被", clause_start, trigger)
    if verb and not verb.group().startswith("被") and passive >= 0 and passive + 1 < trigger:
        trigger = passive  # 被江门市委、市政府授予…: who stands before 被 receives, the rest award
    if honour is not None and verb and verb.group() in GIVING:
        # from the verb or the title's own clause on (授予A等6个镇为X，B等13人为Y: B for Y)
        start = max(verb.end(), after_last(_CLAUSE, ctx.text, verb.end(), honour.start, default=0))
        given = [m.end for m in ctx.mentions if m.label == "Honour" and start <= m.end <= honour.start and m is not honour]
        start = max([start, *given])  # 授予甲村等200个“A”、乙村等80个“B”: B's names follow A
        between = [m for m in ctx.in_sentence(trigger, RECIPIENT_LABELS) if start <= m.start and m.end <= honour.start]
        between = _placed(_outermost(between))
        if between:
            return between
    generic = words("generic_recipients.txt")  # 村委会 names no one
    before = [m for m in ctx.in_sentence(trigger, RECIPIENT_LABELS) if m.end <= trigger and m.name not in generic]
    if not before:
        return []
    before.sort(key=lambda m: (m.end, -m.start))
    last = before[-1]
    gap = ctx.text[last.end : trigger]
    listed_comma = _COMMA_GAP.match(gap) is not None  # 甲镇、乙县某镇某村，获得…: a list, a comma, its verb
    if not (_GAP.match(gap) or (last.label == "Person" and _PEOPLE_COUNTED.match(gap)) or listed_comma):
        return []  # 甲、乙3人榜上有名: people counted after their names
    chosen = [last]
    for m in reversed(before[:-1]):
        head = chosen[-1]
        if m.end <= head.start and _kin(m.label, head.label) and (
            _LIST_GAP.match(_without_divisions(ctx, m.end, head.start, head.label)) or _described_mate(ctx.text, m, head)
        ):
            chosen.append(m)
        elif m.end > head.start or "、" not in ctx.text[m.end : head.start] or _describes(ctx, m, head):
            continue  # nested in the chosen one (青溪镇 inside 青溪镇卫生院), or its description (白鹭社区书记张三)
        else:
            break
    return chosen if len(chosen) > 1 or not listed_comma else []


_KINDS = ({"Village", "Community", "Subdistrict"}, {"Enterprise", "Organization"})


def _kin(a: str, b: str) -> bool:
    """Labels that stand in one list of recipients (柳湾村、白沙村、石桥社区; 某镇、某县某镇某村; 青禾公司、镇卫生院)."""
    return a == b or any(a in kind and b in kind for kind in _KINDS)


def _outermost(found: list[Mention]) -> list[Mention]:
    """The names not nested in another of them (青溪镇 inside 青溪镇卫生院 goes)."""
    return [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end for o in found)]


def _placed(found: Iterable[Mention]) -> list[Mention]:
    """The names without a town or county that only places the name right after it (湖溪镇郭宅二村)."""
    found = list(found)
    starts = {m.start: m for m in found}
    return [m for m in found if not (m.end in starts and _RANK.get(m.label, 9) < _RANK.get(starts[m.end].label, 9))]


def _without_divisions(ctx: Context, a: int, b: int, label: str) -> str:
    """The text between two list mates without the county, city or town that places the
    second, or any name right before it (凤鸣乡和平阳县的白沙镇: 和; 柳社村、青石区云溪镇石寨村: 、)."""
    placing = _DIVISIONS if label in _PLACING else _PLACING
    gap = ctx.text[a:b]
    for m in ctx.in_sentence(a):
        if a <= m.start and m.end <= b and (m.label in placing or m.end == b):  # or a body placing it (某集团某村)
            gap = gap.replace(ctx.text[m.start : m.end], "", 1)
    if label not in _PLACING:
        gap = _TOWN_BEFORE.sub("", gap)  # a county or town the table does not know (和某区某某街道|某村)
    return gap.removesuffix("的")


def _describes(ctx: Context, m: Mention, person: Mention) -> bool:
    """A place or body in the posts written before a person (某村党支部书记、村委会主任张三)."""
    between = ctx.text[m.end : person.start]
    return person.label == "Person" and m.label != "Person" and len(between) <= 24 and not _CLAUSE.search(between)


def _described_mate(text: str, mate: Mention, head: Mention) -> bool:
    """张三（书记）、白鹭社区网格员李四, 张三，某县某镇某村党支部书记、村委会主任李四: one 、 or ，
    between two people, the second with a description of places and posts."""
    between = text[mate.end : head.start]
    return (
        mate.label == "Person" and between[:1] in ("、", "，") and 0 < len(between) <= 24
        and not _CLAUSE.search(between[1:].replace("、", "")) and not TRIGGER.search(between)
    )


def _subject(ctx: Context, trigger: int) -> list[Mention] | None:
    """Recipient when none stands right before the verb: the entity opening the sentence
    (樟木村…,并在…竞赛中荣获第一名); [] for the report's own place; None for unknown."""
    start = ctx.sentence(trigger)[0]
    start = after_last(_FULL_STOP, ctx.text, start, trigger)
    clause_start = after_last(_CLAUSE, ctx.text, start, trigger)
    clause_start = after_last(_DATED_ITEM, ctx.text, clause_start, trigger)  # …“A”、2012年被…: items by year
    passive = ctx.text.rfind("被", clause_start, trigger)
    trigger = passive if passive >= 0 else trigger  # 2012年被省农业厅命名为…: who stands after 被 awards
    own = _SELF_WORD.search(ctx.text, clause_start, trigger) or _VILLAGE_SELF.search(ctx.text, clause_start, trigger)
    counted = _COUNTED.search(ctx.text, own.end() if own else clause_start, trigger)
    if own and not counted:
        return []  # 镇长某某介绍，我镇荣获…: the verb's clause names the report's own place
    opening = [m for m in ctx.in_sentence(trigger, RECIPIENT_LABELS) if 0 <= m.start - start <= 3 and m.end <= trigger]
    subject = _clause_subject(ctx, start, clause_start, trigger)
    if subject == [] and opening:
        return []  # a later clause of the sentence opens with the report's own place (…，正果镇荣获…，顺利通过…)
    opener = next((m for m in opening if m.label in _SUBJECT_LABELS), None)  # 青石社区 of 青石社区居委会
    if opener is not None:
        return [_described_person(ctx, opener, trigger) or opener]
    described = _described_person(ctx, None, trigger, start)
    if described is not None:
        return [described]
    if subject is not None:
        return subject
    anaphor = _ANAPHOR.search(ctx.text, clause_start, trigger)
    if anaphor:  # 荷塘湾村位于…，该村是…示范村: the last village named before
        return _antecedent(ctx, anaphor)
    if any(p.search(ctx.text, clause_start, trigger) for p in (MASK, _POINTER, _COUNTED)):
        return None  # XXX公司获评…, 该项目被列为…, 15户家庭获评…: a recipient masked, named elsewhere or only counted
    contest = _CONTEST.search(ctx.text, clause_start, trigger)  # 在岳塘区…竞赛中: a place naming the contest
    skip = contest.span() if contest else (0, 0)
    if any(clause_start <= m.start < trigger and not skip[0] <= m.start < skip[1] for m in ctx.in_sentence(trigger, RECIPIENT_LABELS)):
        return None
    said = _SAID_OF_SELF.sub("", ctx.text[clause_start:skip[0]] + ctx.text[max(skip[1], clause_start):trigger])
    if len(_HAN.findall(said)) >= 2:
        return None  # 汇川新材料获评…: someone the text names and we did not recognise, not the report's place
    if _HAN.search(_SAID_OF_SELF.sub("", ctx.text[start:clause_start])) or _UNIT.search(ctx.text, start, trigger):
        return []  # the sentence says more before its verb, or names the report's own unit (街道先后荣获…)
    return _carried(ctx, start)


def _carried(ctx: Context, start: int) -> list[Mention]:
    """A sentence with no subject of its own carries the last one's (近两年，青禾村以…。获得省级…):
    the village, community, firm or person the sentence before opens with, in its paragraph."""
    if start <= 0 or _PARAGRAPH_BREAK.search(ctx.text, ctx.sentence(start - 1)[1], start):
        return []
    before, end = ctx.sentence(start - 1)
    if not _SENTENCE_END.search(ctx.text, before, end) or starts_heading(ctx.text[start : start + 8]):
        return []  # a table row or a line of a list before, or a heading (二、获…): nothing carries
    listed = _LISTED_CLAUSE.search(ctx.text, before, end)
    if not listed and any(awards(v.group()) for v in TRIGGER.finditer(ctx.text, before, end)):
        return []  # the sentence before has its own award: a bare one after it is the report's own
    names = _placed(_outermost(ctx.in_sentence(before, RECIPIENT_LABELS)))
    last = after_last(_CLAUSE, ctx.text, before, end - 1, default=before)
    # its first clause, or its second after a time (近两年，…), or a last one listing (…名单，青禾村榜上有名！)
    for at in dict.fromkeys((before, _after_time(ctx.text, before, end), *([last] if listed else []))):
        first = next((m for m in names if m.start >= at), None)
        if first is not None and first.label in _SUBJECT_LABELS and _opens(ctx, at, first):
            return [first]
    return []


def _after_time(text: str, start: int, end: int) -> int:
    """Where a sentence's second clause opens when its first only says when (近两年，…)."""
    stop = _CLAUSE.search(text, start, end)
    if stop is None or _HAN.search(_SAID_OF_SELF.sub("", text[start : stop.start()])):
        return start
    return stop.end()


def _lead_without_places(ctx: Context, at: int, name: Mention) -> str:
    """The text from `at` to a name, without the counties and towns placing it (某市某街道|某村)."""
    lead = ctx.text[at : name.start]
    for m in ctx.in_sentence(at, frozenset(_PLACING)):
        if at <= m.start and m.end <= name.start:
            lead = lead.replace(ctx.text[m.start : m.end], "", 1)
    return lead


def _placed_by(ctx: Context, at: int, name: Mention) -> bool:
    """Whether only the places placing a name stand between `at` and it (某市某街道|某村)."""
    return not _lead_without_places(ctx, at, name).strip()


def _opens(ctx: Context, at: int, name: Mention) -> bool:
    """Whether only time, self-reference or the places placing it stand before a name."""
    return not _HAN.search(_SAID_OF_SELF.sub("", _lead_without_places(ctx, at, name)))


def _antecedent(ctx: Context, anaphor: re.Match[str]) -> list[Mention] | None:
    """What 该村 / 该社区 / 该公司 refers to: the last mention of its kind in the same paragraph."""
    label = _ANAPHOR_LABELS[anaphor.group(1)]
    paragraph = ctx.text.rfind("\n", 0, anaphor.start()) + 1
    earlier = [m for m in ctx.mentions if m.label == label and paragraph <= m.start and m.end <= anaphor.start()]
    return [max(earlier, key=lambda m: m.end)] if earlier else None


def _described_person(ctx: Context, place: Mention | None, trigger: int, start: int = 0) -> Mention | None:
    """The person a sentence opens with after their place and post (某社区居民罗某见义勇为，荣获…;
    油茶种植大户胡某带动…，被评为…): the person, not the place, is its subject."""
    at = place.end if place is not None else start
    first = next((m for m in ctx.in_sentence(trigger, RECIPIENT_LABELS) if m.start >= at and m.end <= trigger), None)
    if first is None or first.label != "Person" or first.start - at > 10 or _CLAUSE.search(ctx.text, at, first.start):
        return None
    clause_start = after_last(_CLAUSE, ctx.text, first.end, trigger)
    own = ctx.text[clause_start:trigger]
    if (own.strip() and not _GAP.match(own)) or _SPEECH.search(ctx.text, first.end, trigger):
        return None  # 镇长某某介绍，我镇荣获…: the verb's clause has its own subject, the person only speaks
    return first


def _clause_subject(ctx: Context, start: int, clause_start: int, trigger: int) -> list[Mention] | None:
    """The subject an earlier clause of the sentence opens with, when the verb's own clause
    has none (据了解，青禾村近年来…，先后摘得…): the last clause-opening name, or [] where
    the report's own town opens it (该镇, 我镇)."""
    if clause_start < trigger and ctx.text[clause_start:trigger].strip() and not _GAP.match(ctx.text[clause_start:trigger]):
        return None  # the verb's own clause says more before it
    openings = [m.end() for m in _CLAUSE.finditer(ctx.text, start, clause_start)]
    found: list[Mention] | None = None
    names = _placed(m for m in ctx.in_sentence(trigger, RECIPIENT_LABELS) if m.end <= clause_start)
    for at in openings:
        # the first name there, after the places placing it (某市某街道某村以…为抓手，…，先后获得…)
        first = next((m for m in names if m.start - at >= 0 and (not ctx.text[at : m.start].strip("“\" ") or _placed_by(ctx, at, m))), None)
        if first is not None and first.label in _SUBJECT_LABELS:
            found = [first]
        elif _SELF_WORD.match(ctx.text, at) or (first is not None and first.label in ("Subdistrict",)):
            found = []
    return found


def _listed(ctx: Context, start: int, end: int) -> list[Mention]:
    """The recipients a commendation lists after its title (先进集体：青禾村、白鹭社区), not the
    places inside a bracketed note on one of them (张三（青禾村党支部书记）)."""
    depth, outside = 0, []
    for i in range(start, end):
        depth += ctx.text[i] in "（(" and 1 or 0
        depth -= ctx.text[i] in "）)" and 1 or 0
        outside.append(depth == 0)
    found = [m for m in ctx.mentions if m.label in RECIPIENT_LABELS and start <= m.start and m.end <= end and outside[m.start - start]]
    found = _outermost(found)
    ends = {m.end for m in found}
    joins = {i for i in range(start, end) if ctx.text[i] in "和及与" and i in ends}  # 白沙村和石桥村
    if not any(outside[i - start] and ctx.text[i] in "、，,；; \n" for i in range(start, end)):
        return _placed(found)  # names run together (甲街道乙社区丙街道丁社区)
    items: dict[int, Mention] = {}  # per list item its last name: 某公司经理张三 is 张三
    for m in found:
        item = sum(1 for i in range(start, m.start) if outside[i - start] and (ctx.text[i] in "、，,；; \n" or i in joins))
        if item not in items or m.end > items[item].end:
            items[item] = m
    return list(items.values())


def _named_after(ctx: Context, honour: Mention) -> list[Mention]:
    """Recipients listed after the title (…获评省级卫生村，分别是青禾村、白鹭村), also in the
    next sentence (…名单，我市5个村上榜。这5个村分别是：…)."""
    lead = _NAMED_AFTER.match(ctx.text, honour.end)
    if not lead:
        end = _LIST_END.search(ctx.text, honour.end)
        lead = _NEXT_SENTENCE_LIST.match(ctx.text, end.start()) if end and end.start() - honour.end <= 40 else None
    if not lead:
        return []
    if lead.group().rstrip().endswith(("如下：", "如下:")) or ctx.text.startswith("\n", lead.end()):
        # 名单如下：, …称号的企业：\n: one name a line, up to a sentence
        end = _BLOCK_END.search(ctx.text, lead.end())
    else:
        end = _LIST_END.search(ctx.text, lead.end())
    return _listed(ctx, lead.end(), end.start() if end else len(ctx.text))


def _relative(ctx: Context, honour: Mention, trigger: object) -> list[Mention]:
    """The name a clause of award describes (被评为A和B的青禾村): the name right after its
    last title (or one more the title reader left) and 的."""
    end = max([honour.end, *(m.end for m in ctx.mentions if m.label == "Honour" and m.properties.get("trigger") == trigger)])
    lead = _RELATIVE.match(ctx.text, end)
    if lead is None:
        return []
    return [m for m in ctx.in_sentence(lead.end(), frozenset(_SUBJECT_LABELS)) if m.start == lead.end()][:1]


def _respectively(ctx: Context, honour: Mention, who: list[Mention] | None, trigger: object) -> Mention | None:
    """张三、李四分别获评A和B: the n-th recipient gets the n-th title of the verb."""
    if not who or len(who) < 2 or trigger is None or "分别" not in ctx.text[max(0, int(trigger) - 3) : int(trigger)]:
        return None
    titles = sorted((m for m in ctx.mentions if m.label == "Honour" and m.properties.get("trigger") == trigger), key=lambda m: m.start)
    if len(titles) != len(who):
        return None
    return sorted(who, key=lambda m: m.start)[titles.index(honour)] if honour in titles else None


def _trigger_before(ctx: Context, honour: Mention) -> int | None:
    """The award verb of the clause a learned honour stands in (荣获…), if any: a title the
    model found with no verb before it is named, not awarded."""
    start = after_last(_CLAUSE, ctx.text, max(0, honour.start - 60), honour.start)
    verbs = [v for v in TRIGGER.finditer(ctx.text, start, honour.start) if awards(v.group())]
    return verbs[-1].start() if verbs else None


def _receivers(ctx: Context, honour: Mention) -> tuple[list[tuple[str, list[tuple[int, int]]]], int]:
    """(entity id, marks) of every receiver of `honour`, and the offset its year is read at."""
    listed = honour.properties.get("recipients_end")
    if listed is not None:  # a commendation's list after its title
        return _marked_all(ctx, _listed(ctx, honour.end, int(listed))), honour.start
    cell = honour.properties.get("recipient_at")
    if cell is not None:  # a table's recipient cell or a note after the title: the names standing there
        at_cell = [m for m in ctx.mentions if m.label in RECIPIENT_LABELS and m.start == cell[0] and m.end == cell[1]]
        return _marked_all(ctx, at_cell or _listed(ctx, cell[0], cell[1])), honour.start
    trigger = honour.properties.get("trigger")
    if trigger is None and honour.properties.get("learned"):
        trigger = _trigger_before(ctx, honour)
        if trigger is None:
            return [], honour.start
    after = (_relative(ctx, honour, trigger) or _named_after(ctx, honour)) if trigger is not None else []
    if after:
        return _marked_all(ctx, after), int(trigger)
    who = recipients(ctx, int(trigger), honour) if trigger is not None else []
    if not who and trigger is not None:
        who = _subject(ctx, int(trigger))
        if who is None:
            return [], honour.start  # the clause names someone we did not recognise: better none than wrong
    respective = _respectively(ctx, honour, who, trigger)
    if respective is not None:
        who = [respective]
    at = int(trigger) if trigger is not None else honour.start
    if not who:
        subject = ctx.subject_id
        if ctx.own_place_id and _SELF_WORD.search(ctx.text, after_last(_CLAUSE, ctx.text, max(0, at - 40), at), at):
            subject = ctx.own_place_id  # 全镇获评… in a village's report: the town
        return ([(subject, [])] if subject else []), at
    return _marked_all(ctx, who), at


def _marked_all(ctx: Context, found: list[Mention]) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each named recipient with its marks; a kind of recipient (村委会, 公司) names none, and the
    own unit's bodies (街道党工委, 镇政府) stand for the report's own township."""
    generic = words("generic_recipients.txt")
    return [
        (ctx.own_place_id, [(m.start, m.end)]) if ctx.own_place_id and _OWN_BODY.fullmatch(m.name) else _marked(ctx, m)
        for m in found if m.name not in generic
    ]


def _marked(ctx: Context, m: Mention) -> tuple[str, list[tuple[int, int]]]:
    return ctx.entity(m), [(m.start, m.end)]


def _apposed(ctx: Context, honour: Mention) -> list[Mention]:
    """The person a title stands right before, as a description (全国劳动模范、白鹭村党支部书记张三;
    “全省优秀共产党员”李四等一批先进典型): the title is theirs."""
    for m in ctx.mentions:
        if m.label == "Person" and honour.end <= m.start <= honour.end + 20 and _APPOSITION.fullmatch(ctx.text, honour.end, m.start):
            return [m]
    return []


def _this_honour(ctx: Context) -> list[Relation]:
    """…甲镇、乙村和丙村也获此殊荣: the names before 获此殊荣 receive the title the text names most
    often before it (the last of those)."""
    found: list[Relation] = []
    for this in _THIS_HONOUR.finditer(ctx.text):
        earlier = [m for m in ctx.mentions if m.label == "Honour" and m.end <= this.start() and m.properties.get("awarded") is not False]
        if not earlier or this.start() - max(m.end for m in earlier) > _THIS_REACH:
            continue
        named = Counter(m.name for m in earlier)
        honour = max(earlier, key=lambda m: (named[m.name], m.end))  # the title the text keeps coming back to
        for source, marks in _marked_all(ctx, recipients(ctx, this.start())):
            found.append(ctx.relation("AWARDED", source, ctx.entity(honour), this.start(), marks + [this.span()],
                                      year=ctx.year_at(this.start(), later=False)))
    return found


def extract(ctx: Context) -> list[Relation]:
    found: list[Relation] = _this_honour(ctx)
    for honour in ctx.mentions:
        if honour.label != "Honour":
            continue
        apposed = _apposed(ctx, honour) if honour.properties.get("trigger") is None else []
        if apposed:
            sources, at = [_marked(ctx, m) for m in apposed], honour.start
        elif honour.properties.get("awarded") is False:
            continue  # 评选“好邻居”, 创建省级…: a selection or an aim, not an award
        else:
            sources, at = _receivers(ctx, honour)
        for source, marks in sources:
            found.append(
                ctx.relation(
                    "AWARDED", source, ctx.entity(honour), honour.start,
                    marks + [(honour.start, honour.end)], year=ctx.year_at(at, later=False),
                )
            )
    return found

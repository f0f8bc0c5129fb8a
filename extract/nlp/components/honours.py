"""Honours: titles after an award verb (荣获“…”, 被评为…, 入选…名单) and items of an honours list.

The title is cleaned as the guideline says: quotes gone, leading years, counts
(首个, 第三批) and awarding bodies dropped, trailing 称号/名单 dropped; a bare
title (第一名, 一等奖) takes the contest named before it (在…竞赛中荣获第一名).
Each mention keeps the trigger offset so AWARDED can find the recipient.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text
from extract.nlp.components.people import is_person_name, surname_pattern
from extract.nlp.lexicon import alternation, words
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import is_masked
from extract.nlp.tables import column_rows
from extract.patterns import COUNTED_MATES, after_last, guarded
from extract.sections import starts_heading

_LEVELS = r"(?:全国|全省|全市|国家级?|中国|[一二三]级[甲乙丙]等|省级|自治区级|市级|[\u4e00-\u9fff]{2,3}省)"
_CONDITIONAL = (
    r"建成(?=(?:全[国省市区县])?(?:首个|唯一|首家)?" + _LEVELS + r"[^，。；,;]{0,16}?(?:示范|特级|星级|标杆|样板))"
    r"|完成(?=(?:\d{4}年度?)?" + _LEVELS + r"[^，。；,;]{2,24}?创建(?:工作)?(?:[，。；,;]|$))"
    r"|(?:(?<=[村镇乡道区])|(?<=[，,][也还更]))是(?=(?:全国|国家级?|全省|省级|全市|市级)[^，。；、的]{2,16}?(?:村|镇|乡|社区|街道|村镇|乡镇)(?:之一)?(?:[，。；、]|$))"
    r"|(?<!建设|打造|发展|培育|努力|争取|力争|致力|转型)(?<![建将])成为(?=(?:全[国省市区县])?(?:首个|首批|唯一|首家)?[“\"]?" + _LEVELS + r")"
    r"|创建(?=省级|市级|区级|县级|国家级|全国|全省|全市)|取得(?=第[一二三四五六七八九十\d]+名|[一二三特]等奖)"
    r"|升级为(?=[^，。；,;]{0,6}(?:级|星))"
    r"|(?:被)?(?:纳入|列入)(?=[^，。；,;]{0,26}(?:名单|名录|目录|示范|试点))|通过(?=[^，。；,;]{2,24}(?:复评|复核|复审|验收|认定|认证|评审|评定|评估|达标))"
    r"|注册(?=[^，。；,;]{0,12}(?:商标|标志))|(?:提升为|提档为)(?=[^，。；,;]{0,6}(?:级|星))|保持(?=[^，。；,;]{2,20}称号)"
    r"|新增(?=(?:国家级|省级|市级|县级|区级|全国|国家)(?!以上)[^，。；,;（(]{2,20}?[\d一二两三四五六七八九十]+[家个所项][（(])"
)
# rankings as titles: 在…考核中位列第一名
_RANKED = r"(?:位列|位居|名列|排名)(?=(?:全[国省市区县镇])?第[一二三四五六七八九十\d]+(?:名|位)?)"
# every character a conditional or ranking verb above can start with (the trigger's guard)
_CONDITIONAL_FIRSTS = "建完是成创取获升被纳列通注提保新位名排"
# an award verb (data/award_verbs.txt), an aim (data/aim_verbs.txt: 争创, 申报) or a conditional
# one, not the start of an ordinary word (获得感, 获批)
TRIGGER = guarded(
    [*_CONDITIONAL_FIRSTS, *words("award_verbs.txt"), *words("aim_verbs.txt")],
    rf"(?:{_CONDITIONAL}|{_RANKED}|{alternation('award_verbs.txt')}|{alternation('aim_verbs.txt')})(?!得感|批|取|悉|益|利|奖励|补|赔|奖单位|奖集体|奖个人|奖者|奖情况|奖名称|奖项|奖对象|奖时间|单位|机关|部门)",
)
# verbs whose recipients follow them (授予张三同志“…”称号)
GIVING = frozenset({"授予"})
# the honour runs to the end of the clause
_CLAUSE_END = re.compile(r"[，。；,;！!？?\n\t]|\.(?!\d)")
_COUNT_LEAD = re.compile(r"[\d一二两三四五六七八九十百]+[名家户个项位所]")  # 和300名…: how many, not the title
_NTH = re.compile(r"第[一二三四五六七八九十\d]+[个块项张枚]")  # 捧回第五块“国字号”招牌: a count of honours
_GRADE_ONLY = re.compile(r"[优良中差][(（]?(?:[一二三四]等)?[)）]?")  # 获评“优”(一等): a grade, no title
_NOT_ENDS = tuple(words("honour_not_ends.txt"))
_PLACE_CHAIN = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|镇|乡|街道))*")
_PART_START = re.compile(r"[、，,]")
_JOIN = re.compile(r"以及|和|及|与")  # between two titles that do not share their head
_SPLIT = re.compile(r"、|(?<=[”\"’])和|(?<=[”\"’])及|(?<=”)(?=“)|(?<=’)(?=‘)")
_LEAD = re.compile(
    r"^(?:(?:[：:]|\d+[名家户个项](?:村镇|乡镇|村|社区|单位|集体|家庭|企业)?|第?[一二三四]季度|上半年|下半年|荣获|获得|获评|获|被评为|评为|\d{4}(?:[-—－~至]\d{4})?年度?(?=[\u4e00-\u9fff“\d])|\d{4}(?=[\u4e00-\u9fff“])|年度|全[区市省县国](?:首个|首批|唯一)|首个|首批|唯一|第[一二三四五六七八九十\d]+[批届]|[一二三四五六七八九十]+项|“|\"|了|的|多项|得(?=[“\"])|命名(?=[“\"\u4e00-\u9fff]))+)"
)
# a year after the title's place or level (湖南省2023年度群众体育先进单位): the guideline drops it
# a batch after the title's level (全省第二批乡村振兴示范镇): a ranking the guideline drops
_INNER_BATCH = re.compile(r"(?<=[省市县区国级])第[一二三四五六七八九十\d]+批(?=[\u4e00-\u9fff“])")
_INNER_YEAR = re.compile(r"(?<=[省市县区旗国])\d{4}(?:[—－\-~至]\d{4})?年度?(?=[\u4e00-\u9fff])")
_MASKED_AWARDER = re.compile(r"^[“\"]?[xX×*＊]{1,4}(?=[省市县区][\u4e00-\u9fff“])")
# an awarding organ before a title (青溪市委组织部基层治理…案例): the guideline drops it
_ORGAN = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:组织部|宣传部|统战部|政法委|文明委|文明办|人民政府|办公厅|委员会)(?=[\u4e00-\u9fff“]{4,})")
_BODY = re.compile(r"^.*?(?:办公室|委员会|领导小组|人民政府|政府|协会|联合会|总工会|委|厅|局|部)(?=\d{4}年|[“《])")
_TAIL = re.compile(r"(?:等)?(?:之一|为目标|为抓手|为契机|(?:并?进行了?|并)?(?:颁奖|授牌)|(?:的)?创建(?:工作)?|(?:的)?(?:荣誉称号|称号|荣誉)|名单|名录|目录|榜单|多项|行列|公示|等(?:国家|省|市|县|区|各)级|(?<=[^\d])\d+[余多]?项|[一二两三四五六七八九十]+余?项|的好成绩|好成绩|殊荣|表彰|(?<=[市城镇村区])工作|(?<![优秀良好一二三A先进等”\"])等次|(?<!等)等(?!次)|复评|复核|复审|验收|评审|评定|评估|达标|认定|(?<=[品志])(?:登记)?保护|(?<=[品志])登记|的[\u4e00-\u9fff]{0,3}?有|的是|(?:的)?命名|[：:]|(?:之)?后|(?<=[”号誉])的(?:企业|单位|村|社区|个人|集体|家庭|合作社)|(?<!第)[\dxX]+[个次项人名家户])+$")
# award verbs that name a selection or an aim rather than an award to the subject
_NOT_AWARDED = ("评选", "创建")

# an aim names a title only wholly quoted or with its level word
_LEVEL_WORD = re.compile(r"全国|国家|中国|全省|省级|自治区级?|全市|市级|全县|县级|全区|区级")
_PLACE_LEVEL = re.compile(r"[\u4e00-\u9fff]{1,5}?[省市县区](?!级)")  # 平江县五四红旗团委: the awarder's place opens it
_WHOLLY_QUOTED = re.compile(r"[“\"][^”\"]+[”\"](?:荣誉称号|称号)?")
_HEADS = re.compile(f"(?:{alternation('honour_heads.txt')})$")
_NEGATIVE = re.compile(alternation("honour_negatives.txt"))
_MONEY = re.compile(r"奖补|资金|补助|补贴|奖励金|贷款")  # 获…奖补项目3个: money, not an honour
_GENERIC = frozenset({"单位", "集体", "个人", "称号", "荣誉", "奖项", "成绩", "好成绩", "第一", "表彰"})
_GRADE = re.compile(r"^(?:\d{4}年度?)?(优秀|良好|好|一等|二等|三等|A|先进)等次$")
_BARE = re.compile(r"^(?:(?:全[区市省县])?第[一二三四五六七八九十\d]+名?|[一二三四]类(?:乡镇|村|社区|街道|单位)|(?:团体|个人)?[一二三特]等奖|金奖|银奖|铜奖|优秀奖|先进集体|先进个人|先进单位)$")
_COMMENDATIONS = frozenset({"先进集体", "先进个人", "先进单位"})
_WEAK_BARE = re.compile(r"^(?:最佳[\u4e00-\u9fff]{1,5}|优秀[\u4e00-\u9fff]{0,4}(?:辅导员|指导教师|教练员|裁判员|组织奖|志愿者))$")
_RANK_ONLY = re.compile(r"(?:全[区市省县])?第[一二三四五六七八九十\d]+")
_CONTEST_LEVEL = re.compile(r"[国省市区县]赛")
_QUOTED_CONTEST = re.compile(r"“([^”]{2,20})”(?:评比|评选|表彰)")
# a levelled title right after a place's name (青禾村省级美丽乡村示范村持续打造): named, not awarded
_PLACE_TITLE = re.compile(
    r"(?<=[村镇乡区])((?:国家级|省级|市级|县级|区级)[\u4e00-\u9fff]{2,12}?(?:村|镇|乡|社区|基地|示范区|示范点|园区))"
    r"(?=[，、。；,;\s]|持续|培育|创建|建设|稳步|有序)"
)
# a quoted title with its level (争创“全国文明村”, “全国生态康养示范基地”试点) names an honour even
# where nobody has it yet
_QUOTED_LEVEL = re.compile(r"“((?:全国|全省|省级|自治区级|国家级|市级|全市)[^”]{2,18})”")
# 在…竞赛中荣获…, also with a result between: 在…测评中取得好成绩，先后荣获…
_CONTEST = re.compile(
    r"在([^，。；,;在]{2,30}?)(?:中(?![国华心部央])|上(?!海))(?:(?:取得|获得)?(?:优异|优秀|良好|较好|好)?成绩[，,]?)?(?:[，,]?[^，。；,;]{0,8}?)(?:累计|共计?|先后|多次|再次|连续[\d一二三四五六七八九十]+年)?"
    r"(?:荣获|获得|取得|获评|被评为|评为|获|蝉联|摘得|斩获|夺得|荣膺|位列|位居|名列|排名)"
)
# levels that only say who ran the contest (在省、市、区…考核中): the ranking's own scope says it
_CONTEST_LEVELS = re.compile(r"^(?:[省市区县][、和及])+[省市区县]?")
_SCOPE = re.compile(r"^全[国省市区县镇]")
_TIME_HEAD = re.compile(r"^(?:第?[一二三四]季度|\d{4}年度?|上半年|下半年|年度)")
# a commendation's title, a colon and the names that receive it (表现突出个人：张三、李四)
TITLED_LIST = re.compile(
    r"^[ \t　]*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．])?[ \t　]*"
    r"([^：:\n，。；,;]{2,30}?)(?:[（(][\d一二三四五六七八九十]+[个名家人户所][）)])?[：:]([^\n]*[、，,；;][^\n]*|[^\n，。；,;：:]{2,60})$",
    re.M,
)
# one title and its holders of a roll run on in one line (…表彰的有：A：甲；B：乙、丙；C：丁)
_ROLL_SEGMENT = re.compile(r"(?<=[；;：:])[ \t　]*([^：:\n，。；,;]{2,30}?)[：:]([^：:\n。；;]{2,80}?)(?=[；;。]|$)", re.M)
# an annex of a commendation: a numbered title with its count, the names on the lines below
# (一、先进单位(5个)\n甲镇 乙镇 丙镇\n丁街道) up to the next numbered line
_NUMBERED = r"[ \t　]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])"
_ANNEX_TITLE = r"[ \t　]*([^：:\n，。；,;]{2,30}?)"
_ANNEX_COUNT = r"[（(][\d一二三四五六七八九十]+[个名家人户所位][）)]"
_ANNEX_NAMES = rf"[ \t　]*\n((?:(?!{_NUMBERED})[^\n。；;：:]{{2,200}}(?:\n|$))+)"  # the name lines below
_ANNEX = re.compile(rf"^{_NUMBERED}{_ANNEX_TITLE}(?:{_ANNEX_COUNT}|[：:]){_ANNEX_NAMES}", re.M)
# the same unnumbered, its title line ending on a colon (先进党支部：\n柳湾村党支部\n…)
_ANNEX_BARE = re.compile(rf"^{_ANNEX_TITLE}(?:{_ANNEX_COUNT})?[：:]{_ANNEX_NAMES}", re.M)
_COMMENDED = re.compile(r"先进|优秀|突出|模范|标兵|最美|最佳|十佳|能手|之星|好人|示范|奖$")
# 在…竞赛中囊括A、B、C三个模块及团体总分全部一等奖: one prize per item
_SWEEP = re.compile(
    r"在([^，。；,;在]{2,30}?)中囊括([^，。；,;]{2,80}?)(?:全部|均获|均为|均)?((?:[一二三特]等|金|银|铜|优秀)奖|第[一二三1-3]名)"
)
_SWEEP_ITEM = re.compile(r"(?:[\d一二两三四五六七八九十]+个?(?:模块|项目|单项|项))$")
_QUOTES = str.maketrans("", "", "“”\"《》「」『』‘’'＂")
# titles named where nobody is awarded them, each with whether its quotes make it one
_NAMED_ONLY = ((_QUOTED_LEVEL, False), (_PLACE_TITLE, False), (_QUOTED_CONTEST, True))
# where a learned span runs on past its title into a new clause
_CLAUSE_OPENER = re.compile(r"后|并|以来|之后|以后|使|让|为|的|，|,")


_CATEGORY_NOTE = re.compile(r"[\u4e00-\u9fff]{2,8}(?:类|组|项)")
_NOTE = re.compile(r"[（(]([^（）()]{1,40})[）)]\s*$")
# a note that says who gave the title or when (（中央文明委，2023年5月）): not part of the title
_AWARDER_NOTE = re.compile(r"\d|年|月|委|会|局|厅|部|办|政府|授予|颁发|命名|认定|批准")


# a note naming a place, firm or school is its recipient even where it ends like an awarding body
_RECIPIENT_NOTE = re.compile(r"村|社区|街道|镇|乡|公司|企业|合作社|学校|小学|中学|医院|卫生院")


_LISTED_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）]{2,16}")


@lru_cache(maxsize=1)
def _holder_heads() -> tuple[str, ...]:
    return tuple(words("recipient_heads.txt") | words("list_recipient_heads.txt"))


def _listed_person(name: str) -> bool:
    """A person's name alone: a surname and one or two characters that name a person."""
    return bool(re.fullmatch(rf"{surname_pattern()}[\u4e00-\u9fff]{{1,2}}", name)) and is_person_name(name)


def recipient_like(name: str) -> bool:
    """A place, body, facility or person that can stand beside its title in a list (青禾村：…, …（张三）)."""
    name = name.strip()
    if not 2 <= len(name) <= 16 or TRIGGER.search(name):
        return False
    return _listed_person(name) or name.endswith(_holder_heads())


def recipient_mention(text: str, a: int, b: int, found: list[Mention]) -> Mention | None:
    """A recipient the other steps did not name, as the text names it (望江社区党委, 镇文化站, 张三):
    a person or an organisation; none where a mention stands there or it is a list."""
    name = text[a:b].strip()
    if "、" in name or any(m.start == a and m.end == b for m in found) or not recipient_like(name):
        return None
    if _listed_person(name) and not name.endswith(tuple(words("recipient_heads.txt"))):
        return Mention(a, b, "Person", name, {"recipient": True})
    if any(m.start <= a and b <= m.end and m.label != "Honour" for m in found):
        return None  # a place already names it
    return Mention(a, b, "Organization", name, {"recipient": True})


def held_at(text: str, a: int, b: int, properties: dict[str, object], found: list[Mention]) -> list[Mention]:
    """Mark a title as held by whoever stands at text[a:b] (`recipient_at`, read by AWARDED), and
    the mention that names them there when no step has (望江社区党委)."""
    properties["recipient_at"] = [a, b]
    parts = _note_names(text, a, b)
    if len(parts) > 1:  # （甲集团和乙集团）
        return [named for p, q in parts if (named := recipient_mention(text, p, q, found))]
    named = recipient_mention(text, a, b, found)
    return [named] if named else []


def _note_names(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of the names a note lists: split at 、, else at one 和/及 between two names."""
    cuts = [i for i in range(a, b) if text[i] == "、"]
    if not cuts:
        cuts = [i for i in range(a + 2, b - 2) if text[i] in "和及"]
        cuts = cuts if len(cuts) == 1 else []
    bounds = [a - 1, *cuts, b]
    spans = [(p + 1, q) for p, q in zip(bounds, bounds[1:], strict=False)]
    return spans if all(_LISTED_NAME.fullmatch(text[p:q]) for p, q in spans) else [(a, b)]


_NEXT_ROLL = re.compile(r"[；;。](?=[^；;。\n]*[：:])")
_ROLL_ITEM = re.compile(r"[^、，,；;\s。]+")


def _roll_holders(text: str, a: int, b: int, found: list[Mention]) -> list[Mention]:
    """The holders a commendation's roll names that no step has (柳湾村党支部；白沙村党支部)."""
    ends = {m.end for m in found}  # 城关镇联丰村: the village names it
    return [
        named for item in _ROLL_ITEM.finditer(text, a, b)
        if item.end() not in ends and (named := recipient_mention(text, item.start(), item.end(), found))
    ]


def title_note(part: str) -> tuple[str, tuple[int, int] | None]:
    """A title without a closing note on who gave it or when, and the span of a note that
    names its recipient instead (全国综合减灾示范社区（白鹭社区）)."""
    note = _NOTE.search(part)
    if not note:
        return part, None
    inner = note.group(1)
    if _CATEGORY_NOTE.fullmatch(inner.strip()):
        return part[: note.start()], None  # 湖南好人榜（敬业奉献类）: the category is no part of the title
    lead = len(inner) - len(inner.lstrip())
    span = (note.start(1) + lead, note.start(1) + len(inner.rstrip()))
    names = inner.split("、") if "、" in inner else [inner[p:q] for p, q in _note_names(inner, 0, len(inner))]  # （甲集团和乙集团）
    if len(names) > 1 and all(_LISTED_NAME.fullmatch(n.strip()) for n in names) and not _AWARDER_NOTE.search(inner):
        return part[: note.start()], span  # （星源电子、瑞康药业）: the holders of a counted title
    if all(recipient_like(n) for n in names) and (len(names) > 1 or _RECIPIENT_NOTE.search(inner) or not _AWARDER_NOTE.search(inner)):
        return part[: note.start()], span  # （白鹭社区）, （甲公司、乙公司）, （青禾街道人民调解委员会）
    if _AWARDER_NOTE.search(inner):
        return part[: note.start()], None
    return part, None


_NAMED_AFTER_TITLE = re.compile(r"(?:称号)?的[\d一二两三四五六七八九十]*[个名家位所]?[\u4e00-\u9fff]{0,4}?(?:分别为|分别是|依次为|有)[：:]?|[”\"]?(?:称号|荣誉)?的[\u4e00-\u9fff]{1,4}[：:](?=\s*\n|\s*$)")
_LISTING_COLON = re.compile(r"(?<=[^：:\s])[：:](?=[^，。；\n]+[、，]|[^，。；\n]{2,12}[；。\n])")
_INNER_VERB = re.compile(r"(?:表彰|评|命名|认定|确定|列|授予)为|授予")
_COUNTING = re.compile(r"仅|此|[一二两三四五六七八九十\d][家个名项位所次]$")  # 全县仅此一家: a count, no title


# who a giving verb names before the title it gives them (授予河口镇等4个镇为…, 授予张三同志为…)
_GIVEN_AS = re.compile(rf"[^“”\"，。；;,]{{2,60}}?(?:{COUNTED_MATES}|同志)?为(?=[“\"\u4e00-\u9fff])")
_GIVEN_MORE = re.compile(rf"[^“”\"]{{2,40}}?(?:{COUNTED_MATES}|同志)为[“\"\u4e00-\u9fff]")
# the verbs of a name found in a published list (甲、乙榜上有名): also read by AWARDED
LISTING = "榜上有名|名列其中|位列其中|均?在列|入选其中|上榜|入选"
# a list published, and the names in it, also in the next sentence (公布…“X”名单，甲、乙3人榜上有名;
# 公布了第二批X名单。甲村、乙村入选): the title and where its holders end
_LISTED_IN = re.compile(r"(?:公布|发布|印发|下发|公示)了?[^，。；“]{0,20}?([“\"]?[^，。；“”]{0,12}[“\"][^”\"]{2,30}[”\"]|[^，。；]{4,30}?)名单[^。；]{0,40}?[，,。][^。；]{2,100}?(" + LISTING + ")")
_CLASS_AFTER = re.compile(r"[”\"](?:的)?(?:企业|单位|集体|个人|村|社区|家庭|合作社)(?=[\u4e00-\u9fff]{2})")
# the same with no verb: a roll of who is named what (曙光社区等20个社区为“…”, 张三等50名网格员为“…”)
_NAMED_AS = re.compile(rf"(?<=[\u4e00-\u9fff]){COUNTED_MATES}为“([^”“\n]{{3,40}})”")


def commendation(m: re.Match[str] | None) -> str:
    """The title of a TITLED_LIST line that commends (先进集体：…, …最佳组织奖：…, 获“…”称号的企业：), else ""."""
    title = clean_title(m.group(1)) if m else ""
    if not title or TRIGGER.search(title) or "分别" in title:
        return ""  # a sentence with its verb (…获评…的3个村分别为：), not a title
    verb = TRIGGER.match(m.group(1).strip())
    if verb is not None and awards(verb.group()):
        return title if valid_title(title, "“" in m.group(1)) else ""
    return title if _COMMENDED.search(title) and valid_title(title, False) else ""


def _given_as(text: str, a: int, b: int) -> int:
    m = _GIVEN_AS.match(text, a, b)
    return m.end() if m else a


def _listed_title(clause: str) -> bool:
    """A clause that is only more titles, each with its level, its place or its quotes
    (…，2021年度全市人居环境整治红旗乡镇，某县五四红旗团委，“A”、“B”等市级荣誉10多项，…)."""
    parts = _parts(clause)
    return all(_one_listed_title(part) for part in parts) if len(parts) > 1 else _one_listed_title(clause)


def _one_listed_title(clause: str) -> bool:
    bare = _TIME_HEAD.sub("", re.sub(r"\s+", "", clause).translate(_QUOTES))
    title = clean_title(clause)
    opens = _LEVEL_WORD.match(bare) or _PLACE_LEVEL.match(bare) or clause.strip()[:1] in "“\"「"
    return (
        bool(opens) and not TRIGGER.search(bare) and not _COUNTING.search(bare)
        and len(title) <= 24 and valid_title(title, bool(_WHOLLY_QUOTED.fullmatch(_TIME_HEAD.sub("", clause.strip()))))
    )


_AIM_LEAD = re.compile(alternation("aim_leads.txt"))
_SENTENCE_START = re.compile(r"[。；;！!？?\n]")
_CLAUSE_START = re.compile(r"[，。；,;！!？?：:\n]")


def _aimed(text: str, trigger: int) -> bool:
    """Whether the verb's sentence is a plan (力争…创成, 确保通过…复审, 力争我镇…，某企业入选…): a title
    aimed at, not won."""
    start = after_last(_SENTENCE_START, text, max(0, trigger - 60), trigger)
    return _AIM_LEAD.search(text, start, trigger) is not None


_NAMED_CONTEST = re.compile(
    r"(?:\d{4}年度?)?((?:全[国省市区县镇]|[\u4e00-\u9fff]{2,6}[省市区县])[\u4e00-\u9fff“”]{2,20}?(?:大赛|竞赛|比赛|运动会|博览会|技能赛|联赛))(?!中|上)"
)
_CONTEST_WORDS = re.compile(r"[\u4e00-\u9fff“”\"]{2,24}?(?:考核|测评|评比|评选|考评|竞赛|比赛|大赛|评估|检查|测试)(?:中|上)?$")


def _subject_contest(text: str, trigger: int, found: list[Mention]) -> tuple[int, str] | None:
    """The contest a clause opens with when no 在…中 names it (营商环境满意度测评排名全县第二,
    党建工作考核获“好”等次), without a place that opens the clause."""
    start = after_last(_CLAUSE_START, text, max(0, trigger - 30), trigger)
    start = max([m.end for m in found if m.start == start and m.label != "Honour"] + [start])
    start += text.startswith("在", start)
    match = _CONTEST_WORDS.search(text, start, trigger)
    return (match.start(), match.group().removesuffix("中").removesuffix("上")) if match else None


def _contest_of(text: str, trig: re.Match[str], found: list[Mention]) -> tuple[int, str] | None:
    """(start, name) of the contest a bare title or grade belongs to: its own 在…中, the one its
    clause opens with, one earlier in the sentence, else one the paragraph names (…大赛决赛落下帷幕。)."""
    line_start = max(text.rfind("\n", 0, trig.start()), text.rfind("。", 0, trig.start())) + 1
    contests = list(_CONTEST.finditer(text, line_start, trig.end()))
    own = [c for c in contests if c.end() >= trig.start()]  # 在…中 with this very verb
    if own:
        return own[-1].start(1), own[-1].group(1)
    subject = _subject_contest(text, trig.start(), found)
    if subject is not None:
        return subject
    named = contests[-1] if contests else _last(_NAMED_CONTEST.finditer(text, text.rfind("\n", 0, trig.start()) + 1, trig.start()))
    return (named.start(1), named.group(1)) if named is not None else None


def _aim(verb: str) -> bool:
    return verb in words("aim_verbs.txt")


def awards(verb: str) -> bool:
    """Whether a trigger gives its title to someone (荣获) rather than names a selection or an aim (评选, 争创)."""
    return not verb.startswith(_NOT_AWARDED) and not _aim(verb)


_COUNTED_TITLES = re.compile(r"[^（(]{0,10}?(?:荣誉|称号|奖项|表彰)[\d一二两三四五六七八九十]+[项个次][（(]([^）)]+)[）)]")


def _outside_brackets(clause: str) -> list[str]:
    """The clause split at its list separators, not inside a bracketed note (…2家（甲、乙）)."""
    if "（" not in clause and "(" not in clause:
        return _SPLIT.split(clause)
    parts, depth, last = [], 0, 0
    for m in re.finditer(r"[（(]|[）)]|" + _SPLIT.pattern, clause):
        if m.group() in ("（", "("):
            depth += 1
        elif m.group() in ("）", ")"):
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(clause[last : m.start()])
            last = m.end()
    return parts + [clause[last:]]


def _parts(clause: str) -> list[str]:
    """Split a list of honours; 组织和项目 shares its head: the short tail after 和 is its own part."""
    parts: list[str] = []
    pieces: list[str] = []
    for part in _outside_brackets(clause):
        counted = _COUNTED_TITLES.fullmatch(part)  # 国家级荣誉3项（A、B、C）: the titles are in the note
        pieces += counted.group(1).split("、") if counted else [part]
    for part in pieces:
        joined = two_titles(part)
        head, sep, tail = part.rpartition("和")
        tail = _TAIL.sub("", tail)
        if joined is not None:
            parts += [part[: joined[0]], _TAIL.sub("", part[joined[1] :])]
        elif sep and head and 1 <= len(tail) <= 3 and _HEADS.fullmatch(tail):
            parts += [head, tail]
        else:
            parts.append(part)
    return parts


def two_titles(part: str) -> tuple[int, int] | None:
    """Where the 和/及/以及/与 joining two whole titles stands in `part` (全国民主法治示范村和省级卫生村,
    示范街道以及…示范基地, 先进基层自治组织和300名优秀社区工作者), or None."""
    joins = [j for j in _JOIN.finditer(part) if j.start() >= 4]
    if not joins:
        return None
    j = joins[-1]
    head, tail = part[: j.start()], _TAIL.sub("", part[j.end() :])
    if len(tail) >= 4 and _HEADS.search(head) and _HEADS.search(tail):
        counted = _COUNT_LEAD.match(part, j.end())
        return j.start(), counted.end() if counted else j.end()
    return None


def clean_title(raw: str) -> str:
    title = re.sub(r"\s+", "", raw)  # a title is written without spaces (PDF text spaces its words)
    title = _MASKED_AWARDER.sub("", title)  # xx省森林城镇: the masked place goes, its level stays
    body = _BODY.match(title) or _ORGAN.match(title)
    if body:
        title = title[body.end() :]
    title = title.replace("《", "").replace("》", "")  # 入选《2023年…名单》: the list's name, its marks gone
    within = title.rfind("中的")  # 纳入…规划百个特色小镇中的X: the title is X
    if within >= 0 and len(title) - within - 2 >= 4:
        title = title[within + 2 :]
    prev = None
    while prev != title:
        prev = title
        title = _LEAD.sub("", title)
        title = _TAIL.sub("", title)
    title = title.translate(_QUOTES).replace("（", "(").replace("）", ")")
    return _INNER_BATCH.sub("", _INNER_YEAR.sub("", title))


def honour_level(name: str) -> str:
    if name.startswith(("全国", "国家", "中国", "中华")):
        return "national"
    if name.startswith(("省", "全省", "自治区")) or re.match(r"^[\u4e00-\u9fff]{2,7}省", name):
        return "provincial"
    if name.startswith(("市", "全市")) or re.match(r"^[\u4e00-\u9fff]{2,4}市", name):
        return "city"
    if name.startswith(("区", "县", "全区", "全县")) or re.match(r"^[\u4e00-\u9fff]{2,4}[区县]", name):
        return "district"
    return "other"


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def valid_title(title: str, quoted: bool) -> bool:
    """A cleaned title: a sane length, not masked, generic, money or a count, and quoted or ending on a title's head."""
    if not 2 <= len(title) <= 40 or is_masked(title) or title in _GENERIC or _MONEY.search(title) or _NEGATIVE.search(title) or _NTH.match(title) or _GRADE_ONLY.fullmatch(title) or title.endswith(_NOT_ENDS):
        return False
    return quoted or bool(_HEADS.search(title))


def plausible_title(name: str) -> bool:
    """Whether a learned span can be a title at all: the rules' own limits without the
    head check (the model finds titles no head list holds)."""
    return 2 <= len(name) <= 40 and not is_masked(name) and name not in _GENERIC and not _MONEY.search(name) and not name.endswith(_NOT_ENDS)


_INNER_CUT = re.compile(r"通过|(?:及|和)(?:国家|省|市|县|区)级?$")


def title_length(name: str) -> int:
    """How much of a learned span is the title: all of it when it ends on a title's head,
    else up to a head followed by a word that opens a new clause (省级生态村|后乡村旅游…)."""
    inner = _INNER_CUT.search(name, 4)  # 示范物流园区|通过省级评审, 无结核社区试点|及省级
    if inner:
        name = name[: inner.start()]
    if _HEADS.search(name):
        return len(name)
    for cut in _CLAUSE_OPENER.finditer(name, 4):
        if _HEADS.search(name[: cut.start()]):
            return cut.start()
    return len(name)


def _table_titles(text: str, known: list[Mention]) -> list[Mention]:
    """Titles in an honours table (序号 获奖单位 荣誉名称 … / 1 青禾村 全国文明村 …), with the
    span of the row's recipient cell where the table has one."""
    titles, recipients = words("honour_table_columns.txt"), words("recipient_table_columns.txt")
    found = []
    for row in column_rows(text, titles):
        cell = next((row[h] for h in row if h in titles), None)
        title = clean_title(cell.text) if cell else ""
        if not cell or not valid_title(title, True):
            continue
        who = next((row[h] for h in row if h in recipients), None)
        properties: dict[str, object] = {"level": honour_level(title)}
        if who is not None:
            found += held_at(text, who.start, who.end, properties, found + known)
        found.append(Mention(cell.start, cell.end, "Honour", title, properties))
    return found


def _a_place(text: str, a: int, b: int, found: list[Mention]) -> bool:
    """Whether a, b hold only a place: a village or community (in the division table, or
    placed by its town) after the towns and counties placing it (甲镇乙村)."""
    last = next((m for m in found if m.end == b and m.label in ("Village", "Community") and a <= m.start), None)
    if last is None:
        return False
    chain = text[a : last.start]
    return bool(_PLACE_CHAIN.fullmatch(chain)) and bool(chain or last.properties.get("gazetteer"))


def _joined_by_de(title: str, part: str) -> bool:
    """的 outside quotes joins a phrase (项目库的重点项目, “优秀”等次的村); inside it may be the
    title's own (“群众满意的乡镇卫生院”)."""
    return "的" in title and not any("的" in q for q in re.findall(r"[“\"]([^”\"]*)[”\"]", part))


@Language.component("govkg_honours", requires=["doc._.sentences"], assigns=["doc._.mentions"])
def honours(doc: Doc) -> Doc:
    text = doc_text(doc)
    out = mentions(doc)
    for trig in TRIGGER.finditer(text):
        end_m = _CLAUSE_END.search(text, trig.end())
        clause_end = end_m.start() if end_m else len(text)
        if end_m and end_m.group() == "\n" and text.count("“", trig.end(), clause_end) > text.count("”", trig.end(), clause_end):
            close = text.find("”", clause_end, clause_end + 20)  # a line broken inside a quoted title
            if close > 0:
                end_m = _CLAUSE_END.search(text, close)
                clause_end = end_m.start() if end_m else len(text)
        line_start = text.rfind("\n", 0, trig.start()) + 1
        if end_m and end_m.group() == "\n" and not text[trig.end() : clause_end].strip() and len(trig.group()) > 1 and not starts_heading(text[line_start:clause_end]):
            end_m = _CLAUSE_END.search(text, clause_end + 1)  # 被评为 at a line's end: the title is on the next
            clause_end = end_m.start() if end_m else len(text)
        later = TRIGGER.search(text, trig.end(), clause_end)
        if later and awards(later.group()) and awards(trig.group()):
            # 获得的荣誉是该街道继获得A、B后…: the later verb's titles are its own, and the words right
            # before it name who receives them (省级文明村、后山等村被评为…), unless they end on 后
            clause_end = later.start()
            if not text.endswith("后", 0, clause_end):
                clause_end = max(trig.end(), after_last(_PART_START, text, trig.end(), clause_end) - 1)
        colon = _LISTING_COLON.search(text, trig.end() + 1, min(len(text), clause_end + 60))
        clause_end = colon.start() if colon and colon.start() < clause_end else clause_end  # …称号的有：甲村、乙村: the names after the colon receive
        named = _NAMED_AFTER_TITLE.search(text, trig.end(), clause_end)
        clause_end = named.start() if named else clause_end  # 获评…“十佳村委会”的3个村分别为：: the title ends before 的
        clauses = [(trig.end(), clause_end)]
        while end_m and end_m.group() in "，," and awards(trig.group()):
            end_m = _CLAUSE_END.search(text, clause_end + 1)  # 被评为A，B，C: more titles, each with its level
            following = (clause_end + 1, end_m.start() if end_m else len(text))
            clause = text[following[0] : following[1]]
            if not (_listed_title(clause) or (trig.group() in GIVING and _GIVEN_MORE.match(clause))):
                break  # 授予A等6个镇为X，B等13人为Y: each clause gives one more title
            clauses.append(following)
            clause_end = following[1]
        if trig.group() in GIVING:  # 授予河口镇等4个镇为…先进镇: the title is after 为
            clauses = [(_given_as(text, a, b), b) for a, b in clauses]
        aimed = _aimed(text, trig.start())
        previous = ""
        scope = ""  # 全区第1名3次、第2名3次: the later rankings share the first one's scope
        for part, pos in ((p, a) for a, b in clauses for p in _parts(text[a:b])):
            part_start = text.find(part, pos)
            if part_start < 0:
                continue
            pos = part_start + len(part)
            inner = _INNER_VERB.search(part)
            if inner and inner.start() > 0:
                continue  # 获国务院…表彰为“…”: the inner verb gives the title, the words before it award
            quoted = any(q in part for q in "“”\"「」『』")
            if trig.group().startswith("评选") and not quoted:
                continue
            if trig.group() in GIVING and not quoted and "“" in text[pos:clause_end]:
                continue  # 授予青禾村、白鹭村“…”: the names before the quoted title receive it
            if trig.group() in GIVING and "“" in part[1:]:  # 授予张三等5名同志“…”: the title is quoted
                part_start += part.index("“")
                part = part[part.index("“") :]
            if _a_place(text, part_start, part_start + len(part.rstrip()), out):
                continue  # 创建省级生态村申报及甲镇乙村、丙乡丁村: the places a title is sought for
            part, noted = title_note(part)
            classed = _CLASS_AFTER.search(part)
            if classed and noted is None:  # 获某市“科技进步奖”企业甲公司和乙公司: who follows the class noun
                noted = (classed.end(), len(part))
                part = part[: classed.start() + 1]
            title = clean_title(part)
            if previous and len(title) <= 2 and len(previous) > len(title):
                title = previous[: -len(title)] + title  # 服务组织和项目 -> 服务项目
            shared = _CONTEST_LEVEL.search(previous) if previous else None
            if shared and _CONTEST_LEVEL.match(title):
                title = previous[: shared.start()] + title  # 创客大赛省赛铜奖、市赛银奖
            grade = _GRADE.match(part.translate(_QUOTES))
            if grade:
                title = grade.group(1) + "等次"  # 获评…考核“优秀”等次: a grade of the contest named before
            weak = bool(_WEAK_BARE.match(title)) or (quoted and title in _COMMENDATIONS)  # 最佳园区, 授予…“先进集体”
            if title and (_BARE.match(title) or grade or weak):
                contest = _contest_of(text, trig, out)
                if contest is not None:
                    bare = title + ("名" if _RANK_ONLY.fullmatch(title) else "")  # 位列第一: the first place
                    own_scope = _SCOPE.match(bare)
                    if own_scope:
                        scope, bare = own_scope.group(), bare[own_scope.end() :]
                    piece_start, contest_name = contest
                    pieces = _CONTEST_LEVELS.sub("", contest_name).split("、")
                    if min(len(c) for c in pieces) < 4:
                        pieces = ["".join(pieces)]
                    heads = [_TIME_HEAD.sub("", c).translate(_QUOTES).replace(" ", "") for c in pieces]
                    if scope and not any(h.startswith(scope) for h in heads):
                        heads = [scope + h for h in heads]  # 全区第1名 of a contest: 全区…考核第1名
                    for piece, extra in zip(pieces[:-1], heads[:-1], strict=True):
                        out.append(Mention(piece_start, piece_start + len(piece), "Honour", extra + bare,
                                           {"level": honour_level(extra + bare), "trigger": trig.start()}))
                        piece_start += len(piece) + 1
                    title = heads[-1] + bare
                elif not weak:
                    continue  # 第一名 with no contest named: not a title by itself
            if not valid_title(title, quoted) or _joined_by_de(title, part) or (_aim(trig.group()) and not _WHOLLY_QUOTED.fullmatch(part.strip()) and not _LEVEL_WORD.match(title)):
                continue  # an aim names a title only wholly quoted or with its level (申报项目3个, 争创“两应”党组织 name none)
            previous = title
            properties = {"level": honour_level(title), "trigger": trig.start(), "awarded": awards(trig.group()) and not aimed}
            if noted is not None:
                out += held_at(text, part_start + noted[0], part_start + noted[1], properties, out)
            out.append(Mention(part_start, part_start + len(part), "Honour", title, properties))
    for m in _LISTED_IN.finditer(text):  # 公布…“最美退役军人”名单，甲、乙3人榜上有名
        title = clean_title(m.group(1))
        if "、" not in title and valid_title(title, "“" in m.group(1)):  # a list of several titles: read by its parts
            out.append(Mention(m.start(1), m.end(1), "Honour", title,
                               {"level": honour_level(title), "trigger": m.start(2), "awarded": True}))
    for m in _NAMED_AS.finditer(text):  # 曙光社区等20个社区为“…”: a roll with no verb of its own
        title = clean_title(m.group(1))
        if valid_title(title, True):
            out.append(Mention(m.start(1) - 1, m.end(1) + 1, "Honour", title,
                               {"level": honour_level(title), "trigger": m.start(1) - 2, "awarded": True}))
    for m in _SWEEP.finditer(text):
        contest = _TIME_HEAD.sub("", m.group(1)).translate(_QUOTES)
        pos = m.start(2)
        for item in re.split(r"、|及|和", m.group(2)):
            start, pos = pos, pos + len(item) + 1
            item = _SWEEP_ITEM.sub("", item).strip()
            title = contest + item + m.group(3)
            if item and valid_title(title, True):
                out.append(Mention(start, start + len(item), "Honour", title,
                                   {"level": honour_level(title), "trigger": m.start(2) - 2}))
    for pattern, quoted in _NAMED_ONLY:
        for m in pattern.finditer(text):
            title = clean_title(m.group(1))
            if valid_title(title, quoted):
                out.append(Mention(m.start(1), m.end(1), "Honour", title, {"level": honour_level(title), "awarded": False}))
    for m in (*TITLED_LIST.finditer(text), *_ROLL_SEGMENT.finditer(text), *_ANNEX.finditer(text), *_ANNEX_BARE.finditer(text)):
        title = commendation(m)
        if title:
            nxt = _NEXT_ROLL.search(text, m.start(2), m.end(2))  # …：甲、乙；获评…的社区有：丙: a next roll
            end = nxt.start() if nxt else m.end(2)
            out += _roll_holders(text, m.start(2), end, out)
            out.append(Mention(m.start(1), m.end(1), "Honour", title, {"level": honour_level(title), "recipients_end": end}))
    out.extend(_table_titles(text, out))
    return doc

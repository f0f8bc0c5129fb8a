"""Kinds of error seen on reports from other provinces (issue 11), on fictional sentences:
each test failed before the rule it covers."""

from __future__ import annotations

from extract.api import extract_source
from extract.assemble import assemble
from extract.document import SourceText
from extract.metadata import detect_meta
from extract.nlp.mention import Mention
from extract.nlp.pipeline import annotate, build_nlp
from extract.sections import parse_sections
from graph.model import Graph


def found(text: str, label: str) -> list[str]:
    doc = annotate(build_nlp(), text, disable=("govkg_tagger",))
    return [m.name for m in doc._.mentions if m.label == label]


def awarded(text: str) -> set[tuple[str, str]]:
    return awarded_pairs(extract_source(SourceText("x.txt", text, "txt")))


def awarded_pairs(graph: Graph) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in graph.entities.values()}
    return {(names[r.source], names[r.target]) for r in graph.relations.values() if r.type == "AWARDED"}


def test_companies_listed_before_deng_qiye() -> None:
    text = "全年服务云帆智造、青禾食品、远舟光电等龙头企业，磊川、玉衡两家农业企业实现增产。"
    assert set(found(text, "Enterprise")) >= {"云帆智造", "青禾食品", "远舟光电", "磊川", "玉衡"}


def test_no_verb_or_party_committee_before_a_company() -> None:
    text = "鼓励青禾食品有限公司扩大产能，中共远舟光电科技有限公司委员会成立，由湖南云帆材料有限公司承建。"
    names = found(text, "Enterprise")
    assert "青禾食品有限公司" in names and "湖南云帆材料有限公司" in names
    assert not any(n.startswith(("鼓励", "中共", "由")) for n in names)


def test_people_in_bylines_and_signatures() -> None:
    text = "本报讯（通讯员 程晓梅）近日，镇长刘国栋到青禾村调研。\n青溪镇人民政府\n2024年12月30日  许文杰\n"
    assert set(found(text, "Person")) >= {"程晓梅", "刘国栋", "许文杰"}


def test_project_heads_real_reports_use() -> None:
    text = "建成云栖谷民宿、青禾山庄和白鹭湾露营地，打造禾丰里商业街。"
    assert set(found(text, "Project")) >= {"云栖谷民宿", "青禾山庄", "白鹭湾露营地", "禾丰里商业街"}


def test_no_unit_or_phase_alone_opens_a_project() -> None:
    text = "新建600亩稻鱼共生基地，推进二期工程。"
    names = found(text, "Project")
    assert "稻鱼共生基地" in names
    assert "二期工程" not in names and "亩稻鱼共生基地" not in names


def test_designations_are_honours() -> None:
    text = "云帆大厦晋升税收亿元楼宇；青溪镇被纳入全省特色小镇名单；顺利通过省级卫生乡镇复评。"
    assert set(found(text, "Honour")) >= {"税收亿元楼宇", "全省特色小镇", "省级卫生乡镇"}


def test_a_facility_before_the_award_verb_receives_the_honour() -> None:
    text = "青溪镇2024年工作总结\n镇敬老院成为全市唯一获评省级五星级养老机构。"
    assert ("镇敬老院", "省级五星级养老机构") in awarded(text)


def test_medals_certificates_and_marks_are_honours() -> None:
    text = "青禾村党支部书记李明获全国五一劳动奖章。远舟茶业获有机产品认证证书，青禾米业荣获省级著名商标。"
    assert set(found(text, "Honour")) >= {"全国五一劳动奖章", "有机产品认证证书", "省级著名商标"}


def test_more_award_verbs_give_honours_and_their_recipients() -> None:
    text = (
        "青溪镇2024年工作总结\n白鹭社区摘得全市社区治理创新大赛一等奖。桃源村被表彰为全省民主法治示范村。"
        "柳溪村上榜全国乡村旅游重点村名单。晨光公司斩获省科技进步二等奖。"
    )
    pairs = awarded(text)
    assert ("白鹭社区", "全市社区治理创新大赛一等奖") in pairs
    assert ("桃源村", "全省民主法治示范村") in pairs
    assert ("柳溪村", "全国乡村旅游重点村") in pairs
    assert ("晨光公司", "省科技进步二等奖") in pairs
    assert not any(who == "青溪镇" for who, _ in pairs)


def test_people_with_compound_surnames_in_counted_lists_and_brackets() -> None:
    text = (
        "欧阳明华同志荣获全国劳动模范称号。李春燕、王德明2名同志被评为全市道德模范。"
        "表彰了覃海燕（桃源村党支部书记）等先进个人。刘建新，男，汉族，1975年出生。"
    )
    names = set(found(text, "Person"))
    assert names >= {"欧阳明华", "李春燕", "王德明", "覃海燕", "刘建新"}
    assert "阳明华" not in names


def test_a_giving_verb_names_its_recipients_after_it() -> None:
    text = "青溪镇2024年工作总结\n镇党委决定授予司马文涛、张丽华等5名同志“优秀共产党员”称号。"
    pairs = awarded(text)
    assert {("司马文涛", "优秀共产党员"), ("张丽华", "优秀共产党员")} <= pairs
    assert not any("同志" in honour for _, honour in pairs)


def test_a_learned_title_awarded_only_with_an_award_verb_in_its_clause() -> None:
    # the model may tag a title that is only named; AWARDED needs a verb in the title's clause
    text = "青溪镇2024年工作总结\n对标全国乡村治理示范镇标准，完善体系。桃源村获评全省民主法治示范村。"
    src = SourceText("x.txt", text, "txt")
    sections = parse_sections(text)
    meta = detect_meta(text, "x.txt", sections=sections)
    doc = annotate(build_nlp(), text, (meta.province, meta.city, meta.district, meta.subdistrict), disable=("govkg_tagger",))
    doc._.mentions = [m for m in doc._.mentions if m.label != "Honour"]
    for title in ("全国乡村治理示范镇", "全省民主法治示范村"):
        start = text.index(title)
        doc._.mentions.append(Mention(start, start + len(title), "Honour", title, {"learned": True}))
    assert awarded_pairs(assemble(doc, src, meta, sections)) == {("桃源村", "全省民主法治示范村")}


def test_people_after_occupations_colons_and_bylines_with_an_office() -> None:
    text = (
        "社区网格员林雅竹摘得全市网格员技能大赛一等奖。青溪镇党工委书记：邓志远\n"
        "撰稿：青溪镇党政办　吴思婷\n办事处主任杜晓枫全年带队外出招商。镇长王明全年走访企业。"
    )
    names = set(found(text, "Person"))
    assert names >= {"林雅竹", "邓志远", "吴思婷", "杜晓枫", "王明"}
    assert "王明全" not in names


def test_a_commendation_lists_its_recipients_after_the_title() -> None:
    text = (
        "青溪镇关于2023年度表彰的通报\n"
        "（一）防汛工作表现突出集体（2个）：桃源村、白鹭社区。\n"
        "（二）防汛工作表现突出个人：陈嘉树（桃源村党支部书记）、远舟光电有限公司经理王德明、李春燕。\n"
    )
    pairs = awarded(text)
    assert {("桃源村", "防汛工作表现突出集体"), ("白鹭社区", "防汛工作表现突出集体")} <= pairs
    assert {("陈嘉树", "防汛工作表现突出个人"), ("王德明", "防汛工作表现突出个人"), ("李春燕", "防汛工作表现突出个人")} <= pairs
    assert not any(who in ("桃源村", "远舟光电有限公司") and honour.endswith("个人") for who, honour in pairs)


def test_who_awards_after_bei_does_not_receive() -> None:
    text = "青溪镇2023年工作总结\n桃源村被青溪县委、县政府授予“全县乡村振兴先进村”称号。"
    pairs = awarded(text)
    assert ("桃源村", "全县乡村振兴先进村") in pairs
    assert len(pairs) == 1


def test_aims_name_titles_without_awarding_them() -> None:
    text = "青溪镇2024年工作总结\n积极申报国家级森林乡村，争创“全国乡村治理示范镇”。申报项目3个，争创“两优”党组织。"
    titles = set(found(text, "Honour"))
    assert titles >= {"国家级森林乡村", "全国乡村治理示范镇"}
    assert not any("项目" in t or "党组织" in t for t in titles)
    assert not awarded(text)


def test_grades_rankings_and_titles_broken_by_a_line() -> None:
    text = (
        "在全县乡村振兴实绩考核中蝉联一等等次。获评2023年度全县党建述职评议考核“好”等次。"
        "在全市招商引资工作考核中位列第一名。远舟光电获评“湖南省专精特新\n中小企业”，跻身“长沙市瞪羚企业”行列。"
        "街道荣获长沙市2022年度“招商引资先进单位”称号。"
    )
    titles = set(found(text, "Honour"))
    assert titles >= {
        "全县乡村振兴实绩考核一等等次", "全县党建述职评议考核好等次", "全市招商引资工作考核第一名",
        "湖南省专精特新中小企业", "长沙市瞪羚企业", "长沙市招商引资先进单位",
    }


def test_names_before_a_quoted_title_after_shouyu_receive_it() -> None:
    text = "青溪镇2024年工作总结\n授予桃源村、柳溪村“森林防火先进村”称号。"
    assert "桃源村" not in found(text, "Honour")
    assert {("桃源村", "森林防火先进村"), ("柳溪村", "森林防火先进村")} <= awarded(text)


def test_facilities_and_products_named_around_a_place_receive_their_honour() -> None:
    text = (
        "青溪镇2024年工作总结\n青溪镇中学被评为全省标准化学校。桃源村党支部荣获全县先进基层党组织称号。"
        "桃源村大米被认定为国家地理标志保护产品。"
    )
    pairs = awarded(text)
    assert ("青溪镇中学", "全省标准化学校") in pairs
    assert ("桃源村党支部", "全县先进基层党组织") in pairs
    assert ("桃源村大米", "国家地理标志保护产品") in pairs
    assert not any(who in ("青溪镇", "桃源村") for who, _ in pairs)


def test_quoted_products_described_people_and_respective_titles() -> None:
    text = (
        "青溪镇2024年工作总结\n远舟农业有限公司被评为市级龙头企业，“桃源大米”获评“全国名特优新农产品”。"
        "白鹭社区书记冯丽华、柳溪社区网格员付晓明被评为“全市优秀志愿者”。"
        "桃源村村民孙德全、柳溪村志愿者吕佳美分别获评“全市最美志愿者”和“全县十佳好人”。"
        "在全县实绩考核中，我镇蝉联一等等次。"
    )
    pairs = awarded(text)
    assert ("桃源大米", "全国名特优新农产品") in pairs
    assert {("冯丽华", "全市优秀志愿者"), ("付晓明", "全市优秀志愿者")} <= pairs
    assert {("孙德全", "全市最美志愿者"), ("吕佳美", "全县十佳好人")} <= pairs
    assert ("孙德全", "全县十佳好人") not in pairs
    assert ("青溪镇", "全县实绩考核一等等次") in pairs


def test_a_name_before_a_head_role() -> None:
    text = "会上，王德明书记强调，要抓好落实。（刘建华镇长带队）党委书记强调安全。"
    names = set(found(text, "Person"))
    assert names == {"王德明", "刘建华"}


def test_a_branded_product_receives_its_honour() -> None:
    text = "青溪镇2024年工作总结\n“远舟”牌芝麻饼获评“湖南名牌产品”，品牌创造有望突破。"
    assert ("远舟牌芝麻饼", "湖南名牌产品") in awarded(text)


def test_recipients_past_a_contest_a_passive_awarder_and_a_maker() -> None:
    text = (
        "青溪镇2024年工作总结\n柳溪社区党委书记王建华同志在全市社区书记擂台赛中获评“十佳社区书记”。"
        "远舟公司生产的远舟大米获评“湖南名牌产品”。镇文化站被文化和旅游部命名为全国一级文化站。"
    )
    pairs = awarded(text)
    assert {("王建华", "十佳社区书记"), ("远舟大米", "湖南名牌产品"), ("镇文化站", "全国一级文化站")} <= pairs
    assert ("柳溪社区", "十佳社区书记") not in pairs


def test_people_quoted_in_news_in_bios_and_after_household_roles() -> None:
    text = "“今年收成好，”张德明说。贫困户李春花家新建了房子。王建国（男，1968年生）任村主任。致富能手刘志强带头种植。"
    assert set(found(text, "Person")) >= {"张德明", "李春花", "王建国", "刘志强"}


def test_a_levelled_title_after_a_place_is_named_not_awarded() -> None:
    text = "青溪镇2024年工作总结\n桃源村县级美丽乡村示范村建设提速，柳溪村市级生态宜居示范村稳步推进。积极推动创建全国卫生城市工作。"
    assert set(found(text, "Honour")) >= {"县级美丽乡村示范村", "市级生态宜居示范村", "全国卫生城市"}
    assert not awarded(text)


def test_money_counts_and_phrases_are_not_honours() -> None:
    text = (
        "青溪镇2024年工作总结\n经评选，共有15户家庭获评“星级文明户”。入选项目库的重点项目12个。"
        "获评为“优秀”等次的村有8个。获市级财政奖补资金300万元。"
    )
    titles = set(found(text, "Honour"))
    assert not any("的" in t or "资金" in t for t in titles)
    assert not any(who == "青溪镇" for who, _ in awarded(text))


def test_bylines_of_news_pages() -> None:
    text = "文/图：陈晓东\n责任编辑：赵敏华\n审核：孙立新  编辑：周丽\n文件精神传达到位。图书室开放。"
    assert set(found(text, "Person")) == {"陈晓东", "赵敏华", "孙立新", "周丽"}


def test_titles_in_any_quotes_and_with_pdf_spaces() -> None:
    text = "青溪镇2024年工作总结\n白沙村荣获『国家森林乡村』称号。柳溪村荣获「全国民主法治示范村」称号。桃源村 荣获 全省文明村 称号\n"
    pairs = awarded(text)
    assert {("白沙村", "国家森林乡村"), ("柳溪村", "全国民主法治示范村"), ("桃源村", "全省文明村")} <= pairs


def test_more_designations_and_a_case_in_book_marks() -> None:
    text = (
        "青溪镇2024年工作总结\n青溪镇获批国家级农业产业强镇。桃源景区升级为国家4A级旅游景区。"
        "柳溪村被评定为省级传统村落。白鹭社区被确定为全省社区治理试点。《青溪模式》入选全国社区治理优秀案例。项目获批资金200万元。"
    )
    pairs = awarded(text)
    assert {
        ("青溪镇", "国家级农业产业强镇"), ("桃源景区", "国家4A级旅游景区"), ("柳溪村", "省级传统村落"),
        ("白鹭社区", "全省社区治理试点"), ("青溪模式", "全国社区治理优秀案例"),
    } <= pairs
    assert not any("资金" in honour for _, honour in pairs)


def test_two_unquoted_titles_joined_by_he_and_counted_tails() -> None:
    text = "青溪镇2024年工作总结\n白沙村被评为全国民主法治示范村和省级卫生村两项荣誉。东山村先后荣获“全国文明村”“国家森林乡村”等国家级荣誉5项。"
    pairs = awarded(text)
    assert {("白沙村", "全国民主法治示范村"), ("白沙村", "省级卫生村"), ("东山村", "国家森林乡村")} <= pairs


def test_a_learned_title_run_past_its_head_is_cut_where_a_clause_opens() -> None:
    from extract.nlp.components.honours import title_length

    assert title_length("省级生态村后乡村旅游快速发展") == len("省级生态村")
    assert title_length("全省乡村振兴示范村") == len("全省乡村振兴示范村")
    assert title_length("全国优秀") == len("全国优秀")


def test_the_own_place_by_pronoun_and_more_designation_forms() -> None:
    text = (
        "青溪镇2024年工作总结\n今年以来，我镇相继获评省级森林城镇、市级平安乡镇。"
        "我镇在全市乡村振兴实绩考核中位列第二名。柳溪村、白沙村分别入选第二批、第三批中国传统村落名录。"
        "镇中心卫生院通过二级医院评审。"
    )
    pairs = awarded(text)
    assert {("青溪镇", "省级森林城镇"), ("青溪镇", "市级平安乡镇"), ("青溪镇", "全市乡村振兴实绩考核第二名")} <= pairs
    assert {("柳溪村", "中国传统村落"), ("白沙村", "中国传统村落"), ("镇中心卫生院", "二级医院")} <= pairs
    assert not any(who.startswith("我镇") for who, _ in pairs)


def test_people_named_with_honorifics_and_callings() -> None:
    text = "宋代诗人周敦明曾在此讲学。修缮王尔琢烈士故居。邀请李国华院士作报告。张建国先生捐资50万元。王先生表示满意。"
    assert set(found(text, "Person")) == {"周敦明", "王尔琢", "李国华", "张建国"}


def test_an_awarding_organ_before_a_title_is_dropped() -> None:
    from extract.nlp.components.honours import clean_title

    assert clean_title("青溪市委组织部基层治理创新案例") == "基层治理创新案例"
    assert clean_title("中央文明委全国文明村") == "全国文明村"
    assert clean_title("全国绿化委员会") == "全国绿化委员会"


def test_a_verb_opening_the_clause_is_not_part_of_the_recipient() -> None:
    text = "青溪镇2024年工作总结\n携手青禾农贸市场入选全省冷链物流示范基地。"
    assert ("青禾农贸市场", "全省冷链物流示范基地") in awarded(text)


def test_an_honours_table_gives_each_row_its_title_and_recipient() -> None:
    text = (
        "青溪镇2023年工作总结\n四、所获荣誉\n序号\t获奖单位\t荣誉名称\t授予单位\t时间\n"
        "1\t桃源村\t全国文明村\t中央文明委\t2020年\n2 | 柳溪社区 | 全省文明社区 | 省文明委 | 2022年\n五、下一步打算\n"
    )
    assert {("桃源村", "全国文明村"), ("柳溪社区", "全省文明社区")} <= awarded(text)

"""Kinds of place errors fixed by general rules (issue 11), on made-up sentences."""

from __future__ import annotations

from extract.nlp.pipeline import annotate, build_nlp
from tests.test_nlp_generalise import found

PLACES = ("Province", "City", "District", "Subdistrict", "Village", "Community")


def places(text: str, place: tuple[str, str, str, str] = ("", "", "", "")) -> set[tuple[str, str]]:
    doc = annotate(build_nlp(), text, place, disable=("govkg_tagger",))
    return {(m.label, m.name) for m in doc._.mentions if m.label in PLACES and not m.properties.get("nested")}


def names(text: str, label: str, place: tuple[str, str, str, str] = ("", "", "", "")) -> set[str]:
    return {n for lab, n in places(text, place) if lab == label}


def test_region_before_a_generic_word_is_a_title() -> None:
    text = "青石社区被评为“湖南省社区治理示范点”，并通过“湖南省星级社区”复评，获评“株洲市文明村镇”。"
    assert names(text, "Community") == {"青石社区"}
    assert names(text, "Village") == set()


def test_generic_stem_is_no_place_even_where_the_table_knows_one() -> None:
    text = "樟溪街道获评“湖南省平安街道”，白沙村获评“乡村振兴工作先进村”，全街创建美丽社区5个。"
    assert names(text, "Subdistrict", ("湖南省", "株洲市", "渌口区", "樟溪街道")) == {"樟溪街道"}
    assert names(text, "Village") == {"白沙村"}
    assert names(text, "Community") == set()


def test_place_then_one_character_is_a_word() -> None:
    text = "樟木村旧村改造完成，北片区旧村改造启动，硬化樟木村通村公路3公里，新建柳塘通村公路。"
    assert names(text, "Village") == {"樟木村"}


def test_group_after_its_village() -> None:
    text = "樟木村大湾组、白沙村小湾组发展民宿12家。"
    assert names(text, "Village") == {"樟木村", "大湾组", "白沙村", "小湾组"}


def test_list_after_a_township_starts_after_it() -> None:
    text = "樟溪街道石桥、柳塘等社区完成改造。"
    assert names(text, "Community") == {"石桥社区", "柳塘社区"}


def test_list_member_is_no_village_with_its_list_word() -> None:
    assert names("青木、石塘、羊角等村茶园面积突破千亩。", "Village") == {"青木村", "石塘村", "羊角村"}


def test_village_bank_is_no_village() -> None:
    assert names("彭州民生村镇银行发放贷款。", "Village") == set()


def test_table_name_after_a_split_word() -> None:
    # jieba cuts 其中华溪村 as 其/中华/溪村: 其中 + 华溪村
    assert names("各村收入超过30万元，其中华溪村突破120万元。", "Village") == {"华溪村"}


def test_tail_of_the_own_township_broken_by_a_line() -> None:
    text = "今年龙泉关镇党委召开会议。2020年，龙\n泉关镇完成搬迁任务。"
    assert names(text, "Subdistrict", ("河北省", "保定市", "阜平县", "龙泉关镇")) == {"龙泉关镇"}


def test_autonomous_units_by_their_short_written_form() -> None:
    text = "本溪县与黔东南州、大理州签订协议，海南州代表团来访。"
    assert names(text, "District") == {"本溪县"}
    assert names(text, "City") == {"黔东南州", "大理州", "海南州"}


def test_zone_opened_by_a_city_short_form() -> None:
    text = "青岛西海岸新区、常州高新区和成都天府新区的企业来访。"
    assert names(text, "District") == {"青岛西海岸新区", "常州高新区", "成都天府新区"}
    assert names(text, "City") == set()


def test_park_before_its_township_is_a_zone() -> None:
    assert names("苏州工业园区斜塘街道办事处召开会议。", "District") == {"苏州工业园区"}


def test_full_region_opening_a_company_name_is_a_place() -> None:
    text = "引进株洲市远舟电子科技有限公司，湖南远帆材料有限公司投产。"
    assert names(text, "City") == {"株洲市"}
    assert names(text, "Province") == set()


def test_county_short_forms_used_as_places() -> None:
    text = "赴江苏昆山、浙江义乌考察学习，天河、越秀等区域的企业来访。"
    assert names(text, "District") == {"昆山", "义乌", "天河", "越秀"}


def test_county_short_form_needs_its_own_region() -> None:
    # 义乌 is no county of Jiangsu; 天河、石桥 is no list of one city's districts
    assert names("赴江苏义乌考察，天河、石桥等区域。", "District") == set()


def test_groups_and_natural_villages_after_their_village() -> None:
    text = "樟木村偏石坝组、白沙村龙家湾列为示范点，樟木村中心组学习、白沙村党员组活动照常。"
    assert names(text, "Village") == {"樟木村", "偏石坝组", "白沙村", "龙家湾"}


def test_no_village_inside_a_township_name() -> None:
    text = "潍坊新村街道党工委召开会议。"
    assert names(text, "Village") == set()


def test_kinds_and_words_before_the_suffix() -> None:
    text = "苗族村民踊跃参与，村容村貌焕然一新，全年整治城中村巷道12条，1-8月份村集体经济收入增长，发展壮大村集体经济。"
    assert names(text, "Village") == set()


def test_place_then_one_character_after_a_list() -> None:
    assert names("石桥、柳塘等社区旧村改造全面铺开。", "Village") == set()


def test_sumu_is_a_township_and_gacha_its_village() -> None:
    text = "巴音苏木党委召开会议，全苏木牧民增收，查干嘎查被评为“自治区级生态文明示范苏木”先进单位，小城镇建设加快。"
    assert names(text, "Subdistrict") == {"巴音苏木"}
    assert names(text, "Village") == {"查干嘎查"}


def test_short_form_inside_another_name_or_a_slogan() -> None:
    text = "聚焦“六个湖南”建设，湖南商会来访，湘潭路改造完工，海南自贸港建设提速。"
    assert names(text, "Province") == set()
    assert names(text, "City") == set()


def test_own_township_glued_to_a_word_before() -> None:
    text = "在樟溪镇人代会第四次全体会议上樟溪镇人民政府作报告，会议上街道干部发言。"
    assert names(text, "Subdistrict", ("湖南省", "株洲市", "渌口区", "樟溪镇")) == {"樟溪镇"}


def test_character_jieba_left_alone_before_a_table_name() -> None:
    # 方庄村 is in the table (Shandong); 前方庄村 here is a village of the report's own county
    text = "筹建前方庄村村史馆。"
    assert names(text, "Village", ("河南省", "新乡市", "封丘县", "王村乡")) == {"前方庄村"}
    assert names("工作组在方庄村开展走访。", "Village") == {"方庄村"}


def test_short_form_of_a_township_the_report_names() -> None:
    text = "2023年，湘潭镇坚持实干当头，努力为湘潭人民谋幸福。"
    assert names(text, "City") == set()
    assert names("湘潭市领导来湘潭县调研，湘潭人民欢欣鼓舞。", "City") == {"湘潭市", "湘潭"}


def test_counties_the_newer_table_holds() -> None:
    # 临平区 and 钱塘区 (2021) are in jionlp's table, not in cpca's
    assert names("在临平区、余杭区两地开展试点，钱塘区企业参与。", "District") == {"临平区", "余杭区", "钱塘区"}


def test_region_suffix_inside_a_name_is_no_joint() -> None:
    assert names("都市鹭汀社区完成改造。", "Community") == {"都市鹭汀社区"}


def test_list_closed_by_its_count_shares_the_suffix() -> None:
    text = "全镇下辖青木、石塘、东北岭3个行政村，樟溪、白沙2个社区。"
    assert names(text, "Village") == {"青木村", "石塘村", "东北岭村"}
    assert names(text, "Community") == {"樟溪社区", "白沙社区"}


def test_name_after_a_township_whose_suffix_jieba_glued_to_it() -> None:
    text = "王村乡前方庄村新建文化广场一处。"
    assert names(text, "Village", ("河南省", "新乡市", "封丘县", "王村乡")) == {"前方庄村"}


def test_city_short_form_opening_a_township_name() -> None:
    text = "潍坊新村街道党工委召开会议，打造“潍坊·红心”党建品牌，长沙镇代表来访。"
    assert names(text, "City", ("上海市", "上海市", "浦东新区", "潍坊新村街道")) == set()


def test_plain_development_zone() -> None:
    text = "与青川开发区合作建设试验田，主动融入开发区发展大局。"
    assert names(text, "District") == {"青川开发区"}


def test_one_character_group_alone() -> None:
    text = "大湾组新建民宿4家，各湾组完成改厕，樟木村小湾组、上湾组通水。"
    assert names(text, "Village") == {"大湾组", "樟木村", "小湾组", "上湾组"}


def test_county_listed_beside_a_known_county() -> None:
    text = "在青平县和安吉县两地开展试点，城区、园区同步推进，安吉县、开发区联动。"
    assert names(text, "District") == {"青平县", "安吉县"}


def test_verb_named_place_written_as_a_place() -> None:
    text = "兴业社区、前进社区、民主社区完成改造，回水村村民踊跃参加，打造学习社区、服务社区，组织村干部学习。"
    assert names(text, "Community") == {"兴业社区", "前进社区", "民主社区"}
    assert names(text, "Village") == {"回水村"}


def test_lone_verb_or_preposition_before_a_table_name_stays_out() -> None:
    assert names("组织党员赴方庄村开展活动，工作队驻方庄村。", "Village") == {"方庄村"}


def test_own_county_by_its_short_form() -> None:
    place = ("广东省", "广州市", "番禺区", "大石街道")
    text = "全力服务番禺发展，推进番禺大道改造。"
    assert names(text, "District", place) == {"番禺"}
    assert names(text, "District") == set()


def test_a_natural_or_central_village_under_its_village() -> None:
    text = "柳湾村和睦自然村被评为县级“十佳”，石桥村枫冲中心村成为样板，引导建房户向中心村集中，撤并自然村8个。"
    villages = names(text, "Village")
    assert {"和睦自然村", "枫冲中心村"} <= villages
    assert not any(n.endswith(("向中心村", "撤并自然村")) for n in villages)
    assert not found(text, "Project")  # 中心 of 中心村 heads no project


def test_a_village_whose_name_ends_in_tun_before_cun() -> None:
    villages = names("如今，青石镇柳官屯村巷道整洁，李家屯环境优美。", "Village")
    assert "柳官屯村" in villages and "柳官屯" not in villages

"""Probes of how township reports of many provinces write villages, communities and cities
(fictional names; real division names only where the table must know them)."""

from __future__ import annotations

from tests.test_nlp_generalise import found
from tests.test_nlp_places_generalise import names

LIUYANG = ("湖南省", "长沙市", "浏阳市", "大瑶镇")


def test_list_closed_by_liang_or_a_qualified_kind_shares_the_suffix() -> None:
    assert set(found("柳湾、枫林两个村获评文明村。", "Village")) == {"柳湾村", "枫林村"}
    assert set(found("柳湾、枫林、桃源等3个行政村实现通水。", "Village")) == {"柳湾村", "枫林村", "桃源村"}
    assert set(found("以青石村为核心，辐射带动枫林、桃源等周边村。", "Village")) >= {"枫林村", "桃源村"}


def test_list_joined_by_he_before_liang_cun() -> None:
    assert set(found("柳湾和枫林两村合并。", "Village")) == {"柳湾村", "枫林村"}


def test_list_of_gacha_and_tun_shares_the_suffix() -> None:
    assert set(found("宝力格、乌兰等嘎查完成草场确权。", "Village")) == {"宝力格嘎查", "乌兰嘎查"}


def test_list_closed_by_its_bare_count() -> None:
    assert set(found("完成竹溪、白鹭湾、上舍三村未来乡村建设。", "Village")) == {"竹溪村", "白鹭湾村", "上舍村"}


def test_villages_with_numbers_are_names() -> None:
    assert set(found("完成红星一村、新华二村、胜利三村改造。", "Village")) == {"红星一村", "新华二村", "胜利三村"}


def test_ordinals_counts_and_slogans_with_numbers_are_no_villages() -> None:
    assert found("柳湾村第三村民小组完成改厕，全镇前三村获奖励。", "Village") == ["柳湾村"]
    assert found("推进一村一品，打造茶叶一村一品，发展一村一策。", "Village") == []


def test_former_mark_is_no_part_of_the_name() -> None:
    assert set(found("原柳湾村、原枫林村合并为桃源村。", "Village")) == {"柳湾村", "枫林村", "桃源村"}
    assert set(found("柳湾村（原枫林村）", "Village")) == {"柳湾村", "枫林村"}


def test_a_verb_taking_the_village_as_object_opens_no_name() -> None:
    assert found("选派驻村第一书记，推进强村富民。", "Village") == []


def test_kinds_of_village_and_community_are_no_names() -> None:
    text = "建设共富村，创建淘宝村、电商村、亿元村、空壳村，打造未来社区、城郊社区、温馨社区。"
    assert found(text, "Village") == [] and found(text, "Community") == []


def test_city_short_forms_used_as_places() -> None:
    assert set(found("服务深圳发展大局，对接佛山、东莞等地企业，赴温州招商。", "City")) == {"深圳", "佛山", "东莞", "温州"}
    assert found("荣获深圳市五一劳动奖章。", "City") == ["深圳市"]


def test_city_short_forms_opening_a_word_are_no_cities() -> None:
    assert found("铺设大理石地面，种植哈密瓜200亩，推广普洱茶种植。", "City") == []


def test_city_short_forms_that_are_ordinary_words_or_landscapes() -> None:
    assert found("紧盯朝阳产业，日照时数增加，迎接来宾300人次，地处大兴安岭南麓，毗邻呼伦贝尔草原。", "City") == []
    assert found("赴朝阳市考察。", "City") == ["朝阳市"]


def test_host_city_of_a_national_expo_is_part_of_its_name() -> None:
    assert found("参加中国（广州）国际茶业博览会。", "City") == []


def test_city_the_newer_division_table_knows() -> None:
    assert found("赴西藏自治区那曲市考察。", "City") == ["那曲市"]


def test_one_character_village_after_the_county_the_table_puts_it_in() -> None:
    assert found("组织村干部赴浙江省安吉县余村学习。", "Village") == ["余村"]
    assert found("长沙县各村开展整治。", "Village") == []


def test_groups_named_by_a_landform_after_their_village() -> None:
    assert set(found("柳湾村老屋组、枫林村桥头组、桃源村党员组完成改厕。", "Village")) == {"柳湾村", "老屋组", "枫林村", "桥头组", "桃源村"}


def test_group_in_the_next_table_column_after_its_village() -> None:
    assert set(found("序号\t村\t组\t项目\n1\t枫林村\t枫塘组\t道路硬化", "Village")) == {"枫林村", "枫塘组"}


def test_own_county_village_with_a_verb_stem_before_its_body() -> None:
    assert names("上升村股份经济合作社分红120万元。", "Village", LIUYANG) == {"上升村"}
    assert names("收入上升村集体经济壮大。", "Village", LIUYANG) == set()


def test_village_named_by_a_generic_stem_in_a_list_of_names() -> None:
    assert set(found("前进村、红旗村、和平村、幸福村“四村联创”成效明显。", "Village")) == {"前进村", "红旗村", "和平村", "幸福村"}
    assert set(found("柳湾村市级美丽宜居示范村、枫林村县级先进村建设有序。", "Village")) == {"柳湾村", "枫林村"}


def test_more_kinds_of_village_are_no_names() -> None:
    text = "建成民宿村、网红打卡村、非遗村、康养村、边境村，打造革命老区村、红色村、样板村、标杆村，落实帮扶村、结对村、对口村、联系村。"
    assert found(text, "Village") == []


def test_one_character_village_of_the_own_township() -> None:
    dashi = ("广东省", "广州市", "番禺区", "大石街道")
    assert names("新建长者饭堂、礼村文化室等设施。", "Village", dashi) == {"礼村"}
    assert names("新建长者饭堂、礼村文化室等设施。", "Village") == set()


def test_first_list_member_as_long_as_the_table_knows_it() -> None:
    dongguo = ("山东省", "枣庄市", "滕州市", "东郭镇")
    assert "东郭中村" in names("以东郭中、白河等村为核心发展林果产业。", "Village", dongguo)


def test_list_of_groups_after_their_village_shares_the_suffix() -> None:
    assert set(found("柳湾村老屋、竹林等组新建入户道路3公里。", "Village")) == {"柳湾村", "老屋组", "竹林组"}
    assert found("组建党员、干部等组开展巡查。", "Village") == []


def test_community_named_after_a_housing_estate_keeps_its_whole_name() -> None:
    text = "阳光花园社区、锦绣江南社区、金色家园社区完成加装电梯。"
    assert set(found(text, "Community")) == {"阳光花园社区", "锦绣江南社区", "金色家园社区"}


def test_campaign_slogans_counting_villages_are_no_names() -> None:
    assert found("推进“千企联千村”行动，开展“一月一村”调研，深化“百村千户”走访。", "Village") == []


def test_members_before_the_one_written_with_the_suffix() -> None:
    assert names("推进南阳、南山、枫林村人居环境整治。", "Village", LIUYANG) == {"南阳村", "南山村", "枫林村"}
    assert names("加强建设、管理村务公开。", "Village", LIUYANG) == set()


def test_short_forms_inside_bank_paper_honour_and_brand_names() -> None:
    text = "获评“株洲好人”，打响“长沙智造”品牌，长沙银行青石支行新增贷款，湖南日报予以报道。"
    assert found(text, "City") == [] and found(text, "Province") == []


def test_residents_committee_named_as_the_community() -> None:
    assert set(found("城北居委会、城南居委会合并为城北社区。", "Community")) == {"城北居委会", "城南居委会", "城北社区"}
    assert found("星光社区居委会换届，各居委会、基层居委会、村（居）委会完成选举。", "Community") == ["星光社区"]
    assert found("锦绣城市花园居委会荣获先进集体。", "Community") == ["锦绣城市花园居委会"]


def test_strengthening_verbs_before_the_suffix_are_no_names() -> None:
    text = "建强村党支部，建强社区救援队伍。"
    assert found(text, "Village") == [] and found(text, "Community") == []


def test_what_follows_a_count_is_a_kind_of_place() -> None:
    text = "全镇下辖7个行政村64个自然屯，建成3个兴旺村、5个和美社区。"
    assert found(text, "Village") == [] and found(text, "Community") == []


def test_own_places_broken_by_a_wrapped_line() -> None:
    text = "今年以来完成了道路硬化的有南\n阳村、枫林村两个村和南川社\n区三处，全年累计投入资金上升\n村道提质改造"
    assert names(text, "Village", LIUYANG) == {"南阳村", "枫林村"}
    assert names(text, "Community", LIUYANG) == {"南川社区"}
    assert names("二、乡村振兴\n南阳村级组织", "Village", LIUYANG) == set()


def test_own_places_with_spaces_inside() -> None:
    text = "完成南 阳 村、枫 林村道路硬化，南川 社区新建养老中心，资金 上 升村道提质。"
    assert names(text, "Village", LIUYANG) == {"南阳村", "枫林村"}
    assert names(text, "Community", LIUYANG) == {"南川社区"}


def test_estate_words_only_after_a_word_that_ends_names() -> None:
    assert found("苏木所在地巴彦社区新建日间照料中心。", "Community") == ["巴彦社区"]


def test_amount_then_preposition_before_a_place() -> None:
    assert found("投资60万元对东陈社区进行改造。", "Community") == ["东陈社区"]  # jieba: 对东/陈
    assert found("请青禾村书记上台领奖。", "Village") == ["青禾村"]


def test_rankings_kinds_and_campaigns_are_no_places() -> None:
    text = (
        "获评全省“百佳村民委员会”“百佳社区居民委员会”。获得国家级无结核社区试点。"
        "荣获“青州十大年度社区”称号。全镇有2个农业村、12个牧业村。全面了解村情村况。苏木、嘎查村成立防疫组织。"
    )
    assert not found(text, "Village") and not found(text, "Community")
    assert set(found("下辖乌兰嘎查、白音嘎查村。", "Village")) == {"乌兰嘎查", "白音嘎查"}


def test_estate_named_community() -> None:
    assert found("云帆新村社区组织居民开展活动。", "Community") == ["云帆新村社区"]
    assert not found("云帆新村社区组织居民开展活动。", "Village")


def test_list_member_whose_stem_is_a_verb() -> None:
    assert set(found("授予柳湾村、前进村、建春村“文明村”称号。", "Village")) == {"柳湾村", "前进村", "建春村"}


def test_transliterated_name_ending_in_a_table_name() -> None:
    assert "查干宝力格村" in found("苏木下辖查干宝力格村、乌兰嘎查。", "Village")


def test_long_town_name_after_a_glued_function_character() -> None:
    assert "索博日嘎镇" in found("西与青石镇接壤，北与索博日嘎镇相连。", "Subdistrict")


def test_short_form_opening_a_paper_title_is_no_place() -> None:
    text = "青石镇的做法被《湖南日报》、《上海民政》等媒体报道。柳湾社区荣获“成都十佳社区”称号。"
    assert not found(text, "Province") and not found(text, "City")
    assert found("柳湾村荣获“黔东南州文明村”称号。", "City") == ["黔东南州"]


def test_community_named_by_the_village_it_grew_from() -> None:
    assert found("最佳组织奖：青石街道柳湾社区云山街道石岭东村社区", "Community") == ["柳湾社区", "石岭东村社区"]
    assert not found("最佳组织奖：青石街道柳湾社区云山街道石岭东村社区", "Village")
    text = "建成柳湾村社区服务中心，石桥村社区卫生服务站投入使用。"
    assert set(found(text, "Village")) == {"柳湾村", "石桥村"} and not found(text, "Community")


def test_groups_listed_after_one_found() -> None:
    villages = set(found("柳湾村辖8个村民小组，其中杨家湾组、大屋场组、新屋组地处偏远。", "Village"))
    assert villages >= {"杨家湾组", "大屋场组", "新屋组"}
    assert not set(found("柳湾村杨家湾组、工作组、党员组、第一组。", "Village")) & {"工作组", "党员组", "第一组"}


def test_bare_list_members_that_are_place_words() -> None:
    assert set(found("完成柳湾、石桥村道路硬化。", "Village")) == {"柳湾村", "石桥村"}
    assert set(found("柳湾、石桥、枫林村实现集体经济增收。", "Village")) == {"柳湾村", "石桥村", "枫林村"}
    assert not found("加强建设、管理村务公开。推进文化、卫生村建设。新建柳湾、石桥村级活动中心。", "Village")


def test_short_form_opening_a_school_named_with_its_field() -> None:
    assert not found("邀请湖南农业大学、浙江工商大学专家开展培训。", "Province")


def test_county_short_forms_listed_after_a_preposition() -> None:
    assert set(found("与天河、越秀等区域开展合作。", "District")) == {"天河", "越秀"}


def test_county_of_one_character_listed_after_a_verb() -> None:
    assert set(found("青石镇毗邻环县、庆城县。", "District")) == {"环县", "庆城县"}


def test_county_of_one_character_before_its_township() -> None:
    assert found("湖北省随州市随县厉山镇2022年工作总结", "District") == ["随县"]
    assert not found("和县委书记一起调研。建设新县城。湖南县域经济发展。", "District")


def test_first_group_of_a_list_opening_its_clause() -> None:
    assert set(found("石桥组、大湾组通组公路硬化。", "Village")) == {"石桥组", "大湾组"}
    assert found("党员组、大湾组开展学习。", "Village") == ["大湾组"]


def test_brand_village_is_a_kind() -> None:
    assert not found("打造柳湾旅游品牌村。", "Village")


def test_whole_list_member_over_its_tail_found_alone() -> None:
    villages = set(found("下辖海苏阿木嘎查、浩特艾里嘎查、乌苏义肯嘎查。", "Village"))
    assert "浩特艾里嘎查" in villages and "艾里嘎查" not in villages
    assert set(found("合并柳湾村、原石桥村、枫林村。", "Village")) == {"柳湾村", "石桥村", "枫林村"}


def test_prefecture_in_full_after_its_province_is_no_county_short_form() -> None:
    text = "在新疆阿克苏地区阿瓦提县调研。"
    assert found(text, "City") == ["阿克苏地区"] and "阿克苏" not in found(text, "District")
    assert found("柳湾村入选省级特色美食村。", "Village") == ["柳湾村"]


def test_list_opened_by_a_verb_of_holding() -> None:
    assert set(found("全镇共辖柳湾、石桥、枫林、桃源4个村。", "Village")) == {"柳湾村", "石桥村", "枫林村", "桃源村"}
    assert set(found("辖青禾、云帆2个社区。", "Community")) == {"青禾社区", "云帆社区"}


def test_county_short_forms_closed_by_their_count() -> None:
    assert set(found("与安吉、德清两县开展合作。", "District")) == {"安吉", "德清"}
    assert not found("与长沙、株洲、湘潭三市合作。", "District")


def test_township_short_form_listed_beside_one_written_in_full() -> None:
    text = "澄潭江镇举办赏花活动。活动分别在沿溪、澄潭江两地举行。"
    assert set(found(text, "Subdistrict")) == {"澄潭江镇", "沿溪"}
    assert "中心" not in found("澄潭江镇举办活动。在中心、澄潭江两地举行。", "Subdistrict")


def test_going_down_to_the_villages_is_no_village() -> None:
    assert not found("镇卫生院带领医疗队下村义诊20场。", "Village")
    assert found("石下村村民参加义诊。", "Village") == ["石下村"]


def test_listed_group_whose_stem_jieba_tags_a_name() -> None:
    assert set(found("实施坪上村大寨组、小寨组通组公路硬化。", "Village")) >= {"大寨组", "小寨组"}


def test_tun_level_roads_are_no_tun() -> None:
    assert set(found("完成那林村弄怀屯、坡利屯屯级道路硬化6.5公里。", "Village")) == {"那林村", "弄怀屯", "坡利屯"}


def test_communities_of_verb_or_unknown_stems_and_police_communities() -> None:
    assert found("基层治理方面，启明社区获评“全国示范性老年友好型社区”。", "Community") == ["启明社区"]
    assert "幸福社区" not in found("基层治理方面，幸福社区获评优秀。", "Community")
    assert found("阜荣东里社区获评“市级垃圾分类示范社区”。", "Community") == ["阜荣东里社区"]
    assert not found("华阳派出所社区民警张振东获评优秀。", "Community")


def test_village_kinds_in_words_and_titles() -> None:
    assert not found("推动更多村屯争先进位。", "Village")
    assert found("马王溪村荣获全国生态文化村称号。", "Village") == ["马王溪村"]


def test_townships_listed_before_their_shared_suffix() -> None:
    assert set(found("青石经济开发区托管海滨、港城2个街道。", "Subdistrict")) == {"海滨街道", "港城街道"}
    assert not found("联合文明、卫生等乡开展评比。建设文明、卫生2个乡。与石门、白沙等乡镇合作。", "Subdistrict")


def test_table_town_after_the_joint_of_a_range() -> None:
    assert "上都镇" in found("实施那日图至上都镇牧区公路硬化工程。", "Subdistrict")


def test_community_of_the_own_county_after_an_unknown_word() -> None:
    chaoyang = ("北京市", "北京市", "朝阳区", "望京街道")
    assert names("阜荣东里社区获评“市级垃圾分类示范社区”。", "Community", chaoyang) == {"阜荣东里社区"}


def test_long_transliterated_members_of_a_shared_suffix_list() -> None:
    villages = set(found("与巴彦胡舒、宝日温都尔、查干淖尔等嘎查签订订单。", "Village"))
    assert villages == {"巴彦胡舒嘎查", "宝日温都尔嘎查", "查干淖尔嘎查"}

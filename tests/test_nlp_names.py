"""Companies, projects, honours and people on short made-up sentences."""

from __future__ import annotations

from extract.nlp.components.honours import clean_title, honour_level
from extract.nlp.pipeline import annotate, build_nlp


def rules(text: str):
    """The rule components alone (the candidates the tagger learns from), without the model."""
    return annotate(build_nlp(), text, disable=("govkg_tagger",))


def found(text: str, label: str) -> list[str]:
    return [m.name for m in rules(text)._.mentions if m.label == label]


def test_company_after_a_verb_keeps_its_region() -> None:
    assert found("签约湘潭市远舟农业发展有限公司，投资2000万元。", "Enterprise") == ["湘潭市远舟农业发展有限公司"]


def test_masked_head_is_dropped_from_a_company_name() -> None:
    assert found("XXX远舟精密机械有限公司二期项目成功签约。", "Enterprise")[0] == "远舟精密机械有限公司"


def test_mask_glued_to_a_landform_masks_the_name() -> None:
    assert found("督促xx岭采石场复绿项目整改，完成xx湖堤加固工程。", "Project") == []


def test_generic_company_words_are_not_companies() -> None:
    assert found("督促物业公司整改，村集体公司完成改制。", "Enterprise") == []


def test_project_name_runs_back_to_the_verb() -> None:
    names = found("新建樟木村高标准农田建设项目1200亩。", "Project")
    assert names == ["樟木村高标准农田建设项目"]


def test_project_keeps_output_figures_and_construction_verbs() -> None:
    names = found("建设远舟新材料年产3万吨环保板材项目。", "Project")
    assert names == ["远舟新材料年产3万吨环保板材项目"]


def test_generic_projects_are_not_names() -> None:
    assert found("全年实施重点项目12个，抓好项目调度，落实民生工程。", "Project") == []


def test_project_named_after_a_company_gives_the_company() -> None:
    doc = rules("长沙远舟新材料科技有限公司落户园区，远舟新材料年产5万吨板材项目开工。")
    assert "远舟新材料" in [m.name for m in doc._.mentions if m.label == "Enterprise"]


def test_shared_place_list_gives_one_project_each() -> None:
    names = found("完成樟木村、白沙村文化礼堂建设项目立项。", "Project")
    assert sorted(names) == ["樟木村文化礼堂建设项目", "白沙村文化礼堂建设项目"]


def test_honour_after_award_verb() -> None:
    assert found("樟木村被评为“省级美丽乡村示范村”。", "Honour") == ["省级美丽乡村示范村"]


def test_honour_drops_body_year_and_tail() -> None:
    assert clean_title("湖南省委平安建设领导小组办公室2023年度全省平安建设“先进集体”称号") == "全省平安建设先进集体"
    assert clean_title("第二批“全国乡村治理示范村”名单") == "全国乡村治理示范村"


def test_bare_title_takes_the_contest() -> None:
    assert found("在全区消防技能比武中荣获一等奖。", "Honour") == ["全区消防技能比武一等奖"]


def test_list_of_honours_shares_its_head() -> None:
    names = found("荣获市文明示范社区、区优秀志愿服务组织和项目等荣誉。", "Honour")
    assert names == ["市文明示范社区", "区优秀志愿服务组织", "区优秀志愿服务项目"]


def test_honour_level() -> None:
    assert honour_level("全国文明村") == "national"
    assert honour_level("湖南省生态村") == "provincial"
    assert honour_level("全市平安建设先进乡镇") == "city"
    assert honour_level("区级文明单位") == "district"
    assert honour_level("优秀新型经营主体") == "other"


def test_people_after_a_role_or_before_tongzhi() -> None:
    text = "樟木村党支部书记邓春华带领群众致富，司法所负责人邹立新同志荣获表彰。以习近平同志为核心。"
    assert found(text, "Person") == ["邓春华", "邹立新"]


def test_bodies_campaigns_and_indicators() -> None:
    doc = rules("镇党委开展“清河净岸”行动，地区生产总值完成8.5亿元。")
    labels = {(m.label, m.name) for m in doc._.mentions}
    assert ("Organization", "镇党委") in labels
    assert ("Initiative", "清河净岸行动") in labels
    assert ("Indicator", "地区生产总值") in labels


def test_items_of_a_project_list_are_projects() -> None:
    names = found("全力保障樟溪人民医院、远舟总部、青石湖湿地公园等重点项目推进。", "Project")
    assert {"樟溪人民医院", "远舟总部", "青石湖湿地公园"} <= set(names)


def test_companies_listed_after_a_verb() -> None:
    names = found("全年引进远舟光电、青禾物流等3家企业。", "Enterprise")
    assert names == ["远舟光电", "青禾物流"]


def test_prizes_swept_in_one_contest() -> None:
    text = "在全区消防技能比武中囊括理论考试、实操演练两个模块及团体总分全部一等奖。"
    assert found(text, "Honour") == ["全区消防技能比武理论考试一等奖", "全区消防技能比武实操演练一等奖", "全区消防技能比武团体总分一等奖"]


def test_masked_place_head_is_cut_from_a_project() -> None:
    assert found("治理xx社区远舟地块污染问题。", "Project") == ["远舟地块"]


def test_people_in_a_signature_and_leading_a_visit() -> None:
    text = "樟溪镇人民政府镇长\n邹立新\n各位代表：街道工委书记邓春华带队走访企业。"
    assert found(text, "Person") == ["邹立新", "邓春华"]


def test_rankings_take_a_contest_named_earlier_in_the_sentence() -> None:
    text = "在省、市河湖长制工作考核中取得好成绩，先后荣获全市第一名2次、第三名1次。"
    assert found(text, "Honour") == ["全市河湖长制工作考核第一名", "全市河湖长制工作考核第三名"]


def test_phase_after_the_head_stays_in_the_project_name() -> None:
    assert found("推进远舟项目二期拆迁工作。", "Project") == ["远舟项目二期"]


def test_quoted_name_after_a_project_description_is_the_name() -> None:
    assert found("推动全市首个智慧渔业项目“蓝湾一号”建成。", "Project") == ["蓝湾一号"]


def test_head_followed_by_a_count_is_a_kind() -> None:
    assert found("村级日间照料中心已建成4个，全年完成微改造项目12件。", "Project") == []


def test_road_being_built_is_a_project() -> None:
    assert found("年内完成樟溪路南段改造。", "Project") == ["樟溪路南段"]


def test_project_brand_runs_over_name_words() -> None:
    assert "远舟华科" in found("推进远舟华科绿色产业园二期建设。", "Enterprise")


def test_level_titles_built_or_created_are_honours() -> None:
    assert found("建成全市首个省级五星级文化站，丰富群众生活。", "Honour") == ["省级五星级文化站"]
    text = "镇里完成2024年省级平安建设示范乡镇创建工作，受到通报表扬。"
    assert found(text, "Honour") == ["省级平安建设示范乡镇"]
    assert found("建成高标准农田3000亩。", "Honour") == []


def test_facilities_listed_beside_a_named_one_are_named() -> None:
    text = "建设青禾田园漂流、亲子戏水漂流两段式漂流项目。"
    assert found(text, "Project") == ["青禾田园漂流", "亲子戏水漂流"]


def test_roads_are_projects_only_where_they_are_built() -> None:
    assert found("以青石公路、樟溪大道为两条主轴，发展旅游。", "Project") == []
    assert found("完成樟溪公路拓宽。", "Project") == ["樟溪公路"]


def test_landform_names_and_tiered_kinds() -> None:
    assert found("推进凤凰岭森林公园“全国生态康养示范基地”试点。", "Project") == ["凤凰岭森林公园"]
    assert found("推进镇村两级调解中心建设。", "Project") == []


def test_facility_before_a_construction_verb_owns_a_generic_works_name() -> None:
    assert found("启动樟溪中学新建教学楼工程。", "Project") == ["樟溪中学新建教学楼工程"]


def test_short_names_closing_a_list_of_projects_are_companies() -> None:
    doc = rules("围绕远帆、青禾等续建项目和双禾泰丰等签约项目，推进樟溪医院、樟木等重点项目。")
    companies = sorted(m.name for m in doc._.mentions if m.label == "Enterprise")
    assert companies == ["双禾泰丰", "远帆", "青禾"]


def test_short_name_of_a_company_named_in_full_is_not_listed_again() -> None:
    doc = rules("引进远帆置业发展有限公司。以远帆、青禾等存量项目为依托。")
    companies = sorted(m.name for m in doc._.mentions if m.label == "Enterprise")
    assert companies == ["远帆置业发展有限公司", "青禾"]


def test_quoted_level_title_is_an_honour_without_an_award() -> None:
    doc = rules("推进樟溪森林公园“全国生态康养示范基地”试点，开展“全省统一”行动。")
    honours = [m for m in doc._.mentions if m.label == "Honour"]
    assert [m.name for m in honours] == ["全国生态康养示范基地"] and honours[0].properties["awarded"] is False


def test_people_listed_with_a_named_person() -> None:
    assert found("表彰村民张德明、李秀英、王强等先进个人。", "Person") == ["张德明", "李秀英", "王强"]
    assert sorted(found("王建华、刘芳同志荣获先进个人。", "Person")) == ["刘芳", "王建华"]


def test_short_name_opening_a_clause_before_an_investment_verb_is_a_company() -> None:
    assert found("全年，远舟光电成功落户樟溪。", "Enterprise") == ["远舟光电"]
    assert found("项目签约落地，企业入驻。", "Enterprise") == []


def test_company_core_drops_the_longest_region() -> None:
    from extract.nlp.names import company_core

    assert company_core("湘潭市远舟农业发展有限公司") == "远舟农业发展"
    assert found("督促强村公司规范运营。", "Enterprise") == []


def test_company_inside_a_project_name_is_its_trade_name() -> None:
    doc = rules("湖南远驰智能装备有限公司投资3亿元。推动远驰智能装备制造产业园项目开工，零部件有限公司除外。")
    companies = sorted(m.name for m in doc._.mentions if m.label == "Enterprise")
    assert companies == ["湖南远驰智能装备有限公司", "远驰"]


def test_company_name_keeps_a_word_jieba_counts_as_quantity() -> None:
    assert found("江苏恒拓新能源汽车零部件有限公司投资15亿元。", "Enterprise") == ["江苏恒拓新能源汽车零部件有限公司"]


def test_company_stem_needs_a_proper_part_and_split_trade_names_are_rejoined() -> None:
    assert found("长沙润和新材料科技有限公司签约。", "Enterprise") == ["长沙润和新材料科技有限公司"]
    assert found("零部件有限公司除外。", "Enterprise") == []


def test_autonomous_region_levels_and_people_before_an_award_verb() -> None:
    assert found("建成全市首个自治区级示范性家庭农场。", "Honour") == ["自治区级示范性家庭农场"]
    assert found("村民黄秀兰、韦小红、蒙金花被评为“最美家庭”。", "Person") == ["黄秀兰", "韦小红", "蒙金花"]

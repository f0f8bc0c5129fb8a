"""Enterprise and Project kinds of error (issue 11), on fictional sentences: each test
failed before the rule it covers."""

from __future__ import annotations

from extract.nlp.pipeline import annotate, build_nlp


def found(text: str, label: str) -> list[str]:
    doc = annotate(build_nlp(), text, disable=("govkg_tagger",))
    return [m.name for m in doc._.mentions if m.label == label]


def test_a_bank_branch_is_the_whole_name() -> None:
    text = "协调青川农商银行溪口支行为企业新增贷款，借助湖南省农村信用社桑榆县联社和桑榆农商银行洪溪支行发放贷款，重庆农商行柳溪支行青坪分理处新设网点。"
    names = set(found(text, "Enterprise"))
    assert {"湖南省农村信用社桑榆县联社", "桑榆农商银行洪溪支行", "重庆农商行柳溪支行青坪分理处"} <= names
    assert "桑榆农商银行" not in names


def test_family_farms_are_companies() -> None:
    assert "丰穗家庭农场" in found("丰穗家庭农场扩大种植规模。", "Enterprise")


def test_no_heading_number_before_a_company() -> None:
    names = found("（五）授予罗城农村商业银行青坛支行“金融助力乡村振兴先进单位”。", "Enterprise")
    assert "罗城农村商业银行青坛支行" in names


def test_a_place_and_its_acreage_open_a_project() -> None:
    text = "建成白碧村500亩生态茶园示范园，实施水观村500亩高标准农田项目。新建600亩稻鱼共生基地。"
    names = found(text, "Project")
    assert {"白碧村500亩生态茶园示范园", "水观村500亩高标准农田项目", "稻鱼共生基地"} <= set(names)


def test_short_names_before_deng_and_a_kind_of_firm() -> None:
    text = "成功引进瑞鸥、海芯、嘉乐、启澜等一批科技型企业。博安康、华瑞检测等医疗器械和检验检测企业落户。引进古韵、勐茗、冰岚等茶企。"
    names = set(found(text, "Enterprise"))
    assert {"启澜", "博安康", "华瑞检测", "冰岚"} <= names
    assert not any("等" in n for n in names)


def test_kinds_of_project_are_no_names() -> None:
    text = "引进一批优质项目，个别项目进度滞后，推进新能源装备项目和产业类项目，大力开展项目攻坚。"
    assert found(text, "Project") == []


def test_a_unit_of_a_company_is_no_project() -> None:
    text = "厦门鹭帆智慧物流有限公司华东结算中心落户，青禾科技有限公司研发中心项目开工。"
    assert found(text, "Project") == ["青禾科技有限公司研发中心项目"]


def test_verb_phrases_are_no_short_names() -> None:
    text = "大力开展项目攻坚。着力在产业发展、项目引进、城镇建管、向上争资等方面提质。"
    assert found(text, "Enterprise") == []


def test_a_quoted_short_name_and_a_second_phase_after_yinjin() -> None:
    text = "引进“星河院线”、远帆生物、禾川二期、智能装备产业园项目。"
    assert {"星河院线", "远帆生物", "禾川"} <= set(found(text, "Enterprise"))
    assert "禾川二期" in found(text, "Project") and "禾川二期" not in found(text, "Enterprise")


def test_a_head_before_a_legal_form_is_the_company() -> None:
    text = "翁家楼民宿合作社成立，带动农户增收。"
    assert found(text, "Enterprise") == ["翁家楼民宿合作社"] and found(text, "Project") == []


def test_named_facilities_of_more_kinds() -> None:
    text = "建成那廖村回建安置小区、张家门村光伏扶贫电站、勐溪镇污水处理厂，凤翔社区长者食堂投用。"
    assert {"那廖村回建安置小区", "张家门村光伏扶贫电站", "勐溪镇污水处理厂", "凤翔社区长者食堂"} <= set(found(text, "Project"))


def test_a_part_of_a_name_counts_only_where_the_name_stops() -> None:
    text = "北方信达（天津）融资租赁有限公司落户。北方物流枢纽项目开工。长沙恒固新材料科技有限公司投产，恒固新材料签约扩产。坚持新时代发展理念，引进“星河院线”、远帆生物。"
    names = found(text, "Enterprise")
    assert "恒固新材料" in names and "星河院线" in names
    assert "北方" not in names and "时代" not in names


def test_a_short_name_opening_a_project_before_a_figure() -> None:
    text = "苏州微帆半导体有限公司投资32亿元。确保微帆12英寸特色工艺晶圆项目投产。"
    assert "微帆" in found(text, "Enterprise")


def test_headings_and_counts_are_no_projects() -> None:
    text = "（三）项目建设。加快推进每一项目，首批项目开工，实施三个项目。"
    assert found(text, "Project") == [] and found(text, "Enterprise") == []


def test_a_region_and_a_kind_in_a_title_is_no_company() -> None:
    text = "青禾专业合作社被授予“湖南省农民合作社示范社”称号，白鹿家庭农场获评“四川省示范家庭农场”。园区由阜平县嘉禾农业开发有限公司运营。"
    names = found(text, "Enterprise")
    assert set(names) == {"青禾专业合作社", "白鹿家庭农场", "阜平县嘉禾农业开发有限公司"}


def test_a_short_name_before_nianchan() -> None:
    text = "全力推动盛远年产8万吨农机配件加工项目、郑帆通用年产5万套智能传感器生产项目。"
    assert {"盛远", "郑帆通用"} <= set(found(text, "Enterprise"))


def test_two_projects_joined_by_he() -> None:
    text = "发展现代特色农业，滨川冷库和富穗菌菇项目均已投产。"
    assert {"滨川冷库", "富穗菌菇项目"} <= set(found(text, "Project"))


def test_rows_of_a_project_table() -> None:
    text = (
        "附表：\n序号\t项目名称\t总投资（亿元）\t建设内容\n1\t青禾智能装备制造\t3.5\t新建厂房5万平方米\n"
        "2\t远帆冷链物流中心\t1.2\t建设冷库2万吨\n以上项目全部开工。\n序号 项目名称 投资额\n1 白沙村田园综合体 0.8\n"
    )
    assert {"青禾智能装备制造", "远帆冷链物流中心", "白沙村田园综合体"} <= set(found(text, "Project"))


def test_kinds_of_base_and_of_works_are_no_names() -> None:
    text = "建成培训基地和直播基地，推进农产品加工项目和智能农机生产项目，青溪村直播基地投用。"
    assert found(text, "Project") == ["青溪村直播基地"]


def test_a_short_name_after_yu_before_qianyue() -> None:
    assert "华育鑫源" in found("签约项目19个。与华育鑫源签约，盘活废旧厂房资源。", "Enterprise")


def test_a_quoted_name_after_yinjin() -> None:
    assert found("引进“星海影城”落户。引进“专精特新”企业3家。", "Enterprise") == ["星海影城"]


def test_no_school_as_a_company_and_no_verb_before_one() -> None:
    assert found("街道办与华溪理工大学管理学院共建社会实践基地。", "Enterprise") == []
    assert found("我镇玉米种植面积已占天穗集团的一半以上。", "Enterprise") == ["天穗集团"]


def test_building_a_kind_of_project_names_none() -> None:
    assert found("抓好入区工业项目和建重大产业项目。", "Project") == []


def test_the_centre_of_a_place_and_village_works_are_no_projects() -> None:
    text = "打造青溪镇中心，完成村屯绿化美化工程，建成青溪镇便民服务中心。"
    assert found(text, "Project") == ["青溪镇便民服务中心"]


def test_a_list_closed_by_its_count_of_projects() -> None:
    text = "青溪职教中心、白沙社区卫生服务中心两个项目顺利完工。"
    assert {"青溪职教中心", "白沙社区卫生服务中心"} <= set(found(text, "Project"))


def test_a_short_unknown_name_before_a_figure_opens_the_project() -> None:
    text = "特色养殖加快发展。云岭丰瑞15万头生猪养殖基地建成投产；农业效益提高。柳庄800亩设施农业示范园成为亮点，完成白沙湾3000亩海带养殖项目。"
    assert {"云岭丰瑞15万头生猪养殖基地", "柳庄800亩设施农业示范园", "白沙湾3000亩海带养殖项目"} <= set(found(text, "Project"))


def test_a_verb_or_the_own_town_before_a_figure_opens_nothing() -> None:
    names = found("全镇新建600亩稻鱼共生基地，实施1200亩高标准农田项目。", "Project")
    assert not any(n.startswith(("全镇", "新建", "实施")) for n in names)


def test_a_preposition_or_conjunction_glued_to_a_word_is_no_trade_name() -> None:
    text = "坚持以大项目带动大发展，加快推进排水沟及出口路项目建设。"
    assert not set(found(text, "Enterprise")) & {"以大", "沟及"}


def test_a_verb_of_focus_before_a_project_is_not_part_of_its_name() -> None:
    names = found("青石街道紧抓柳溪冷链物流中心项目建设，狠抓云帆智造产业园项目落地。", "Project")
    assert not any(n.startswith(("青石街道紧抓", "紧抓", "狠抓")) for n in names)


def test_catering_is_a_trade_that_ends_a_short_name() -> None:
    assert "慕云餐饮" in found("与慕云餐饮总部项目达成合作。", "Enterprise")


def test_kinds_of_undertaking_are_no_projects() -> None:
    text = "实施技改项目3个，农旅项目加快发展，涉粮项目扎实推进，完成土地治理项目2万亩，开展社区优秀项目评选，推进垃圾分类等一系列项目。"
    assert found(text, "Project") == []


def test_a_preposition_and_a_size_before_a_head_name_no_project() -> None:
    text = "以大项目引领大投资，企业新上技改项目流水线3条。"
    assert found(text, "Project") == []


def test_a_yearly_capacity_and_its_firm_open_the_project() -> None:
    text = "远舟仪器有限公司投资的年产五万套智能水表项目已完工，投资2亿元青禾环保科技有限公司年8万吨秸秆综合利用项目开工。"
    assert {"年产五万套智能水表项目", "青禾环保科技有限公司年8万吨秸秆综合利用项目"} <= set(found(text, "Project"))


def test_boundary_landmarks_and_verbs_with_aspect_are_no_project_names() -> None:
    text = "辖区东至青溪路蔬菜批发市场，西至桃源山、枫丹小镇。标志着柳湾村便民服务中心项目顺利开工，全面发挥乡村振兴示范园的作用。"
    assert found(text, "Project") == ["柳湾村便民服务中心项目"]


def test_a_learned_span_across_clauses_names_nothing_but_a_quoted_comma_stays() -> None:
    from extract.nlp.components.tagger import merge

    text = "围绕村有广场，户有小院，青禾集团帮扶柳湾村打造法治广场。推进“共建家园，共享幸福”项目。"
    a = text.index("户有")
    b = text.index("法治广场") + 4
    c = text.index("“共建")
    d = text.index("项目。") + 2
    kept = {m.name for m in merge([], [(a, b, "Project"), (c, d, "Project")], text)}
    assert kept == {"共建家园，共享幸福项目"}


def test_a_province_then_a_brand_and_its_trade_after_a_conjunction_or_yishi() -> None:
    names = set(found("二是湖北恰溪家私和湖北浩川实业扩规建设，洽谈引进江苏凯迪新型材料、隆溪物流等企业。", "Enterprise"))
    assert {"湖北恰溪家私", "湖北浩川实业", "江苏凯迪新型材料", "隆溪物流"} <= names


def test_a_learned_project_of_category_words_is_a_kind() -> None:
    from extract.nlp.components.projects import kind_of_project

    assert kind_of_project("装备制造项目") and kind_of_project("精品党建项目") and kind_of_project("乡村振兴产业基地")
    assert not kind_of_project("云帆装备制造项目") and not kind_of_project("柳湾村综合服务中心项目")


def test_kinds_named_by_party_work_taxes_or_sales_are_no_projects() -> None:
    text = "打造精品党建项目，培育税源项目增加税收，建立加工销售基地。"
    assert found(text, "Project") == []


def test_a_count_closing_a_list_or_a_verb_right_before_the_head_names_no_project() -> None:
    text = "成功引进青禾装备基地、山河智能云岭产业园两大工程，着力项目建设，整个工程进展顺利，民营园区发展壮大。"
    assert found(text, "Project") == ["青禾装备基地", "山河智能云岭产业园"]


def test_stations_and_sea_ranches_are_named_facilities() -> None:
    text = "建成运营“青禾加油站”，推进白沙海洋牧场建设，建成远舟光储充电站。"
    assert {"青禾加油站", "白沙海洋牧场", "远舟光储充电站"} <= set(found(text, "Project"))


def test_a_startup_street_district_keeps_its_whole_name() -> None:
    assert "柳溪大学生创业街区" in found("青石街道建成柳溪大学生创业街区，入驻团队40个。", "Project")

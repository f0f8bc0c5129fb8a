"""Enterprise probes: ways reports from other provinces write companies, on fictional
sentences; each test failed before the rule it covers."""

from __future__ import annotations

from tests.test_nlp_generalise import found


def test_region_opening_a_name_of_common_words() -> None:
    text = "大同市城市建设投资有限公司负责实施，由通道县乡村振兴投资发展集团有限公司承建。"
    names = found(text, "Enterprise")
    assert "大同市城市建设投资有限公司" in names
    assert "通道县乡村振兴投资发展集团有限公司" in names


def test_name_broken_across_pdf_lines() -> None:
    text = "今年以来，全镇新建食用菌大棚360栋，签约落户保定市云溪食用菌科技\n有限公司冷链物流中心项目，总投资1.2亿元，同时云溪农商银行\n柳湾支行发放贷款，河北龙泉关生态\n林果专业合作社带动农户增收。"
    names = found(text, "Enterprise")
    assert "保定市云溪食用菌科技有限公司" in names
    assert "云溪农商银行柳湾支行" in names
    assert "河北龙泉关生态林果专业合作社" in names
    assert "有限公司" not in names


def test_heading_or_cells_before_a_name_are_no_part_of_it() -> None:
    text = "一、招商引资成效明显\n湖北磊川机械有限公司投资建设厂房。\n企业名称 塑料制品加工\n湖北宏川塑业有限公司 机械加工"
    names = found(text, "Enterprise")
    assert "湖北磊川机械有限公司" in names and "湖北宏川塑业有限公司" in names
    assert not any("招商" in n or "塑料制品" in n for n in names)


def test_yu_inside_an_idiom_opens_no_name() -> None:
    assert found("新建大棚60栋，与此同时签约落户一批企业，与云舟签约。", "Enterprise") == ["云舟"]


def test_clause_words_before_a_trade_are_no_name() -> None:
    text = "一是农业生产稳步发展；二是工业经济持续向好，重点企业有宏川塑业、磊川机械等。"
    names = found(text, "Enterprise")
    assert "宏川塑业" in names and "磊川机械" in names
    assert not any(n.startswith(("一是", "有")) for n in names)


def test_trades_of_farm_produce_and_industry_end_short_names() -> None:
    text = "走访企业60余家，其中包括远舟光伏、磊川建工、宏川陶瓷、绿源粮油、金穗面业。"
    assert set(found(text, "Enterprise")) >= {"远舟光伏", "磊川建工", "宏川陶瓷", "绿源粮油", "金穗面业"}


def test_works_named_as_businesses() -> None:
    text = "宜都市酒厂完成技术改造，柳湾砖厂依法关停，宏川服装厂新增岗位200个，金山种羊场存栏2000只。"
    assert set(found(text, "Enterprise")) >= {"宜都市酒厂", "柳湾砖厂", "宏川服装厂", "金山种羊场"}


def test_works_built_or_generic_are_no_company() -> None:
    text = "新建污水处理厂1座，青石镇自来水厂提标改造，关停砖厂3家，禁养区养殖场全部退出，新建宏川服装厂项目。"
    names = found(text, "Enterprise")
    assert not any(n.endswith("厂") or n.endswith("场") for n in names)


def test_complement_glued_to_a_listed_name() -> None:
    names = found("明年将全力服务好云帆新材料、宏川塑业等重点企业扩能增效。", "Enterprise")
    assert "云帆新材料" in names and "好云帆新材料" not in names


def test_last_of_a_list_of_trade_names_before_a_verb() -> None:
    names = found("督促青禾生物、远舟光伏整改隐患26处，走访云帆新材、宏川塑业。", "Enterprise")
    assert {"青禾生物", "远舟光伏", "云帆新材", "宏川塑业"} <= set(names)


def test_project_after_a_list_of_projects_opens_no_trade_name() -> None:
    text = "鼎川复合材料项目、云岳智能农机装备生产线项目开工建设，年产5万吨锂电材料项目投产。"
    names = found(text, "Enterprise")
    assert "云岳智能" not in names and "锂电材料" not in names


def test_project_opening_like_a_company_named_in_full() -> None:
    text = "泉州瑞岚机械制造有限公司投资建设瑞岚陶瓷机械装备产业园项目。"
    names = found(text, "Enterprise")
    assert "瑞岚" in names and "瑞岚陶瓷" not in names


def test_farm_named_by_a_number_opens_the_name() -> None:
    text = "八五三农场丰源水稻种植专业合作社、二九〇农场雁窝岛家庭农场等新型经营主体发展到48个。"
    names = found(text, "Enterprise")
    assert "八五三农场丰源水稻种植专业合作社" in names and "二九〇农场雁窝岛家庭农场" in names


def test_branch_companies() -> None:
    text = "镇政府与中国联通宜都分公司签署协议，远舟光电科技有限公司华东分公司投产，云帆科技有限公司设立分公司3家。"
    names = found(text, "Enterprise")
    assert "中国联通宜都分公司" in names and "远舟光电科技有限公司华东分公司" in names
    assert "云帆科技有限公司" in names and not any(n.endswith("设立分公司") for n in names)


def test_short_names_of_a_full_name_that_are_products_or_places() -> None:
    text = (
        "乐清市启澜电器有限公司生产的启澜牌断路器获评精品。宜都市雁鸣岛米业有限公司扩产，"
        "雁鸣岛湿地公园建成。镇平县玉澜小额贷款有限公司放贷，玉澜大道完成改造。"
        "平顶山村集体经济股份合作社分红，村集体经济收入超过20万元。"
    )
    names = found(text, "Enterprise")
    assert not {"启澜", "雁鸣岛", "玉澜", "村集体经济"} & set(names)


def test_a_name_jieba_cut_before_its_last_character_stays_whole() -> None:
    text = "陕西云岚芯半导体有限公司入驻。云岚芯功率半导体基地项目一期厂房封顶。"
    names = found(text, "Enterprise")
    assert "云岚芯" in names and "云岚" not in names


def test_banks_named_by_a_common_word() -> None:
    text = "农业银行、工商银行等金融机构发放贷款，与建设银行柳湾支行、兴业银行签约。"
    assert set(found(text, "Enterprise")) >= {"农业银行", "工商银行", "建设银行柳湾支行", "兴业银行"}


def test_company_in_a_note_after_its_project() -> None:
    text = "签约项目：1.云帆新材料产业园项目（湖北云帆新材料有限公司）；2.青禾食品加工项目（宜都青禾食品有限公司）。"
    names = found(text, "Enterprise")
    assert "湖北云帆新材料有限公司" in names and "宜都青禾食品有限公司" in names
    assert not any("项目" in n for n in names)


def test_trade_name_as_the_subject_of_a_clause() -> None:
    text = "云帆科技完成产值8.6亿元；远舟光电获批省级企业技术中心，宏川塑业入选专精特新企业名单。"
    assert set(found(text, "Enterprise")) >= {"云帆科技", "远舟光电", "宏川塑业"}


def test_trade_name_opening_a_project_of_any_head() -> None:
    names = found("重点推进青禾食品冷链物流中心建设。", "Enterprise")
    assert "青禾食品" in names


def test_noun_and_trade_before_a_legal_form() -> None:
    names = found("走访云帆能源有限公司和白杨纸业有限公司，协调用工问题。", "Enterprise")
    assert "白杨纸业有限公司" in names


def test_trade_that_jieba_tags_as_a_verb_ends_a_listed_name() -> None:
    names = found("持续做好粤川电缆、美智达、六一节能等企业的服务工作。", "Enterprise")
    assert "六一节能" in names


def test_trade_or_activity_alone_before_a_legal_form_is_no_company() -> None:
    assert found("成立新能源科技有限公司，筹建建筑材料有限公司和农业科技有限公司。", "Enterprise") == []


def test_short_names_in_a_column_of_companies() -> None:
    text = "序号\t企业名称\t产值（万元）\n1\t云帆\t5000\n2\t美智达\t3000\n3\tXX公司\t100\n\n全年产值增长。"
    names = found(text, "Enterprise")
    assert "云帆" in names and "美智达" in names
    assert not any("XX" in n for n in names)


def test_list_after_a_group_and_counted_branches() -> None:
    names = found("青禾集团旗下青禾食品、青禾物流两家子公司落户，另设3家分公司。", "Enterprise")
    assert set(names) == {"青禾集团", "青禾食品", "青禾物流"}


def test_latin_names_with_figures_in_a_list() -> None:
    assert set(found("TCL、3M、ABB等外资企业追加投资。", "Enterprise")) == {"TCL", "3M", "ABB"}


def test_rank_before_a_company_is_no_part_of_it() -> None:
    assert found("民营企业500强云帆控股集团在我区设立区域总部。", "Enterprise") == ["云帆控股集团"]


def test_group_before_a_longer_legal_form() -> None:
    text = "宜都青禾实业集团有限责任公司、远舟集团股份有限公司扩产。"
    assert set(found(text, "Enterprise")) == {"宜都青禾实业集团有限责任公司", "远舟集团股份有限公司"}


def test_village_economic_unions() -> None:
    text = "与宜都市石桥村经济联合社签订协议，新成立经济联合社3个，平顶山村集体经济股份合作社分红。"
    assert set(found(text, "Enterprise")) == {"宜都市石桥村经济联合社", "平顶山村集体经济股份合作社"}


def test_a_character_opening_the_next_word_is_no_part_of_the_short_name() -> None:
    text = "天津华屹精工机械股份有限公司追加投资，华屹精密轴承扩能项目建成投产。"
    names = found(text, "Enterprise")
    assert "华屹精" not in names


def test_produce_named_like_a_cooperative_is_no_company() -> None:
    text = "彭州市鹿溪猕猴桃专业合作社被评为示范社，鹿溪猕猴桃获评全国名特优新农产品。"
    assert found(text, "Enterprise") == ["彭州市鹿溪猕猴桃专业合作社"]


def test_kinds_of_state_owned_company() -> None:
    text = "组建镇级文旅集团，由镇强村公司统一运营；宜都市城投集团、宜都市文旅集团承担建设任务。"
    assert set(found(text, "Enterprise")) == {"宜都市城投集团", "宜都市文旅集团"}


def test_names_one_a_line_are_not_joined() -> None:
    text = "2023年度新引进企业名单公布如下\n宜都市云帆科技有限公司\n青禾食品有限公司\n远舟光电科技有限公司\n金穗粮油有限公司"
    names = set(found(text, "Enterprise"))
    assert names == {"宜都市云帆科技有限公司", "青禾食品有限公司", "远舟光电科技有限公司", "金穗粮油有限公司"}


def test_investor_column_holds_companies_not_kinds_of_capital() -> None:
    text = "序号\t项目名称\t投资主体\t投资额\n1\t柳湾村道路\t镇政府\t500\n2\t冷链仓库\t社会资本\t300\n3\t青禾食品厂房\t青禾食品\t800\n4\t光伏电站\t云帆\t200\n"
    names = set(found(text, "Enterprise"))
    assert names == {"青禾食品", "云帆"}


def test_partners_and_builders() -> None:
    text = "与远舟光电达成战略合作，与美智达签订投资协议，项目由宏川建工承建。"
    assert set(found(text, "Enterprise")) >= {"远舟光电", "美智达", "宏川建工"}


def test_count_after_a_listed_name_is_no_part_of_it() -> None:
    names = found("成功招引美智达、华屹两个亿元项目。", "Enterprise")
    assert "华屹" in names and not any("两个" in n for n in names)


def test_short_names_listed_after_a_verb_of_serving() -> None:
    names = found("深入走访美智达、华屹、云岚，了解诉求；主动服务好美智达、华屹等企业。", "Enterprise")
    assert {"美智达", "华屹", "云岚"} <= set(names) and "好美智达" not in names


def test_lists_of_people_or_kinds_after_a_verb_of_serving() -> None:
    text = "走访困难群众、老党员、退役军人，走访规上企业、重点项目，协调融资、用工、用能、物流，增强获得感、幸福感。"
    assert found(text, "Enterprise") == []


def test_numbered_bureaus_of_state_owned_builders() -> None:
    text = "协调中建三局、中铁十一局集团完成施工，中交二航局承建大桥，中铁四局集团有限公司进场。"
    assert set(found(text, "Enterprise")) == {"中建三局", "中铁十一局集团", "中交二航局", "中铁四局集团有限公司"}


def test_works_known_by_a_code_number() -> None:
    names = found("完成5702厂宿舍改造，新建厂房2000平方米，1200厂房出租。", "Enterprise")
    assert names == ["5702厂"]


def test_trade_word_inside_a_name_is_no_verb_phrase() -> None:
    names = found("落户园区；宜昌鑫泰包装材料有限公司完成注册。", "Enterprise")
    assert "宜昌鑫泰包装材料有限公司" in names


def test_verb_before_the_region_opening_a_name() -> None:
    names = found("街道联合宜昌椰城人力资源服务有限公司举办专场招聘会。", "Enterprise")
    assert names == ["宜昌椰城人力资源服务有限公司"]


def test_kinds_of_industry_are_no_brand() -> None:
    text = "发展富硒茶叶、低碳能源，推动智慧渔业、数智物流协同发展。"
    assert found(text, "Enterprise") == []


def test_legal_form_broken_across_short_lines() -> None:
    names = found("签约落户宜都云帆科技有限\n公司年产10万吨新材料项目。", "Enterprise")
    assert names == ["宜都云帆科技有限公司"]


def test_a_clause_number_before_a_signing_verb_is_no_company() -> None:
    assert found("一是签约项目数量创新高。二是落地项目加快建设。", "Enterprise") == []


def test_a_construction_verb_in_a_list_after_yinjin_is_no_company() -> None:
    assert found("引进外省企业1家，续建项目3家，到位资金6000万元。", "Enterprise") == []


def test_a_road_or_a_product_opening_a_project_is_no_company() -> None:
    text = "沙岭公路项目完成土方，签约投资50亿元的锂电池负极材料及关联项目，推进产城融合一体化项目。"
    assert found(text, "Enterprise") == []


def test_a_verb_before_a_kind_of_cooperative_is_no_company() -> None:
    assert found("二是大力发展农民专业合作社。组建专业合作社3家。", "Enterprise") == []


def test_a_trade_name_inside_a_full_name_is_not_cut_out_with_its_lead() -> None:
    assert found("以天源药业有限公司为依托，种植金银花。", "Enterprise") == ["天源药业有限公司"]


def test_a_trade_name_after_a_verb_serving_companies() -> None:
    names = found("依托仁禾食品提升大蒜种植规模，扶持远舟药业扩大产能。", "Enterprise")
    assert set(names) == {"仁禾食品", "远舟药业"}


def test_a_trade_name_before_wei_after_yi() -> None:
    assert found("以云岚药业为龙头，带动农户种植。", "Enterprise") == ["云岚药业"]


def test_named_mills_and_factories_are_companies() -> None:
    text = "其中投资1500万元的青泉油脂厂，总投资1650万元的锦云纺纱厂。"
    assert set(found(text, "Enterprise")) == {"青泉油脂厂", "锦云纺纱厂"}


def test_a_role_in_apposition_is_no_part_of_the_name() -> None:
    text = "引进战略投资者湘云集团，第四管理区职工徐长海家庭农场扩大规模。"
    assert set(found(text, "Enterprise")) == {"湘云集团", "徐长海家庭农场"}


def test_a_cooperation_of_two_provinces_is_no_trade_name() -> None:
    assert found("福建省在镇内援建闽宁产业园。", "Enterprise") == []


def test_where_a_project_settles_is_no_company() -> None:
    assert found("镇政府积极与投资方洽谈，将该项目落户大伦，该项目于今年1月份签约。", "Enterprise") == []


def test_a_resettlement_project_is_named_by_its_place() -> None:
    assert found("布政安置房项目完成投资，横岭还建小区项目开工。", "Enterprise") == []


def test_a_type_of_company_or_a_hamlet_is_no_trade_name() -> None:
    text = "力争引进1—2个链主型项目，曼弄老寨傣族传统村落保护利用项目开工。"
    assert found(text, "Enterprise") == []


def test_the_region_opening_a_listed_trade_name_stays() -> None:
    names = found("入驻宁夏立兰酒庄有限公司、福建晋江恒兴食品等企业26家。", "Enterprise")
    assert "福建晋江恒兴食品" in names


def test_a_list_item_cut_inside_a_full_name_is_no_company() -> None:
    text = "坚持“寿光蔬菜”品牌引领；山东寿光蔬菜种业集团、鲁盛农业、乐义蔬菜等龙头企业在街道布局。"
    names = found(text, "Enterprise")
    assert "蔬菜" not in names and "蔬菜种业集团" not in names
    assert {"山东寿光蔬菜种业集团", "鲁盛农业", "乐义蔬菜"} <= set(names)


def test_a_market_is_named_by_its_place() -> None:
    assert found("建成感德茶叶交易市场二期。", "Enterprise") == []


def test_a_trade_name_ending_in_new_energy_in_a_list() -> None:
    names = found("规上企业：恒锐精工、拓源新能源；限上企业：汇禾商贸。", "Enterprise")
    assert "拓源新能源" in names


def test_industries_listed_after_yinjin_are_no_companies() -> None:
    text = "新引进电商、物流、仓储等企业15家，新签约智能制造、生物医药、新材料等项目12个。"
    assert found(text, "Enterprise") == []


def test_places_listed_after_yinjin_are_no_companies() -> None:
    assert found("引进东坪、西岭等地客商，签约青石、柳湾等村。", "Enterprise") == []


def test_a_quoted_product_after_yinjin_is_no_company() -> None:
    assert found("依托“青石大米”品牌，引进“溪口红茶”等特色产品企业。", "Enterprise") == []


def test_a_verb_bringing_in_a_group_is_no_part_of_its_name() -> None:
    assert found("引入京东集团数字经济浙江区域总部。", "Enterprise") == ["京东集团"]


def test_a_trade_name_before_a_capital_increase() -> None:
    assert found("实际到账外资6万美元（冰喜商贸增资）。", "Enterprise") == ["冰喜商贸"]


def test_the_produce_in_a_company_name_is_no_short_name() -> None:
    text = "新发展粽叶基地4200亩。湖南桑植粽叶实业有限公司投资2600万元。桑植粽叶获评国家地理标志保护产品。"
    assert found(text, "Enterprise") == ["湖南桑植粽叶实业有限公司"]


def test_a_valley_resort_or_a_smart_farm_gives_no_made_up_firm() -> None:
    text = "投资3亿元的云栖谷文旅综合体项目主体完工，远舟智慧农业示范园建成温室大棚40栋。"
    assert found(text, "Enterprise") == []


def test_a_figure_before_a_base_describes_it_no_trade_name() -> None:
    assert found("引进落户150亩食药两用玉竹种植基地。", "Enterprise") == []


def test_a_place_industry_listed_before_deng_chanye_is_no_company() -> None:
    assert found("推动青石茶业、柳湾米业、白沙果业等产业发展。", "Enterprise") == []

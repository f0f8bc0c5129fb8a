"""Project names as township reports from other provinces write them, on fictional sentences:
each test failed before the rule it covers."""

from __future__ import annotations

from tests.test_nlp_generalise import found


def test_a_landform_or_old_town_word_opens_a_facility_name() -> None:
    text = "建成青石湾田园综合体，打造青石古镇特色商业街。"
    assert set(found(text, "Project")) >= {"青石湾田园综合体", "青石古镇特色商业街"}


def test_a_place_and_rural_revival_open_a_demonstration_area() -> None:
    assert found("推进青石镇乡村振兴示范片区建设。", "Project") == ["青石镇乡村振兴示范片区"]


def test_markets_are_facilities() -> None:
    assert "青石镇农贸市场" in found("建设青石镇农贸市场、柳溪新区商业综合体。", "Project")


def test_a_head_inside_a_company_name_is_no_project() -> None:
    text = "青石农贸市场经营管理有限公司承担保障任务，青石农贸市场提升改造工程同步完工。"
    names = found(text, "Project")
    assert "青石农贸市场提升改造工程" in names and "青石农贸市场" not in names


def test_the_following_projects_is_no_name() -> None:
    text = "重点抓好以下项目：一是青石湾文旅综合体项目；二是白沙河生态修复工程。"
    names = found(text, "Project")
    assert "以下项目" not in names and "青石湾文旅综合体项目" in names


def test_every_place_led_item_of_a_counted_list_is_a_project() -> None:
    names = found("实施了柳湾村道路硬化、青石村人居环境整治两个项目。", "Project")
    assert set(names) >= {"柳湾村道路硬化", "青石村人居环境整治"}


def test_a_route_number_opens_a_road_project() -> None:
    text = "配合做好G318线青石至柳湾段改建工程征地工作；2.105国道青石段升级改造工程完成主线。"
    assert set(found(text, "Project")) >= {"G318线青石至柳湾段改建工程", "105国道青石段升级改造工程"}


def test_a_road_or_railway_section_being_built_is_a_project() -> None:
    text = "全力保障沪渝蓉高铁青石段建设，完成环柳溪快速干道（柳湾段）征地协议签订120亩。"
    assert set(found(text, "Project")) >= {"沪渝蓉高铁青石段", "环柳溪快速干道(柳湾段)"}


def test_a_section_only_used_is_no_project() -> None:
    assert found("沿青柳高速公路青石段两侧开展绿化。", "Project") == []


def test_village_halls_are_facilities() -> None:
    assert set(found("建成柳湾村村史馆和青石村乡贤馆。", "Project")) == {"柳湾村村史馆", "青石村乡贤馆"}


def test_a_verb_before_a_place_is_no_part_of_the_name() -> None:
    names = found("投用青石镇便民服务中心，新建村文化广场建成。", "Project")
    assert "青石镇便民服务中心" in names and "新建村文化广场" in names
    assert "投用青石镇便民服务中心" not in names


def test_a_relocation_site_keeps_its_place() -> None:
    assert found("做好青石村易地扶贫搬迁安置点后续扶持工作。", "Project") == ["青石村易地扶贫搬迁安置点"]


def test_funds_from_above_are_no_project() -> None:
    assert found("全年争取上级项目资金2000万元。", "Project") == []


def test_the_sentence_verb_before_a_project_is_no_part_of_it() -> None:
    text = "青石镇党委书记出席远舟光电年产30万套汽车零部件生产线项目签约仪式。青石镇紧盯青禾农产品冷链物流园项目建设。"
    assert set(found(text, "Project")) == {"远舟光电年产30万套汽车零部件生产线项目", "青禾农产品冷链物流园项目"}


def test_slogans_and_funding_kinds_are_no_projects() -> None:
    text = "青石镇大抓项目、抓大项目，全面完成柳湾村2023年度中央财政衔接资金项目。"
    assert found(text, "Project") == []


def test_other_project_column_headers_name_project_cells() -> None:
    text = "序号 工程名称 建设规模 投资\n1 青石河堤防加固 5公里 800\n2 柳湾村饮水巩固提升 管网10公里 300\n"
    assert set(found(text, "Project")) == {"青石河堤防加固", "柳湾村饮水巩固提升"}
    text = "序号 建设项目 投资额\n1. 青石湾民宿集群 3500\n2. 柳湾村机耕道 120\n"
    assert set(found(text, "Project")) == {"青石湾民宿集群", "柳湾村机耕道"}


def test_partners_and_output_words_before_a_name_are_cut() -> None:
    text = "青石大学与柳湾村共建云岭农耕实践教学基地。年产量20万平方米节能玻璃深加工项目投产。"
    names = found(text, "Project")
    assert "云岭农耕实践教学基地" in names and "20万平方米节能玻璃深加工项目" in names


def test_kinds_of_works_without_a_name_are_no_projects() -> None:
    assert found("实施产业增效工程，推进优质招商项目落地。", "Project") == []


def test_a_line_voltage_stays_inside_the_name() -> None:
    assert found("完成柳湾35千伏线路改造工程。", "Project") == ["柳湾35千伏线路改造工程"]


def test_a_landform_glued_to_the_head_still_opens_the_name() -> None:
    assert found("青石岭步道建设已完工。", "Project") == ["青石岭步道"]


def test_utility_and_startup_facilities_are_projects() -> None:
    text = "建成青石镇污水处理站和柳湾村垃圾中转站，打造柳湾众创空间，完成柳溪泵站改造，建成青石镇集贸市场。"
    assert set(found(text, "Project")) >= {"青石镇污水处理站", "柳湾村垃圾中转站", "柳湾众创空间", "柳溪泵站", "青石镇集贸市场"}


def test_a_facility_joined_by_he_to_a_named_mate_is_named_too() -> None:
    assert set(found("建成柳湾民宿和青石民宿。", "Project")) == {"柳湾民宿", "青石民宿"}


def test_the_first_list_item_starts_after_the_sentence_verb() -> None:
    text = "青石镇党委书记调研柳湾民宿集群、青石湾康养、白沙村冷库等项目。"
    assert set(found(text, "Project")) == {"柳湾民宿集群", "青石湾康养", "白沙村冷库"}


def test_project_lists_banks_and_masked_companies_are_no_projects() -> None:
    text = "主要项目有：青石湾民宿。青石镇十四五规划重大项目库入库项目56个。引进XXX公司冷链物流项目。"
    names = found(text, "Project")
    assert "主要项目" not in names and not any("项目库" in n or n.startswith("公司") for n in names)


def test_a_dash_between_two_places_stays_in_the_name() -> None:
    assert found("青石—柳湾旅游快速通道项目完成招标。", "Project") == ["青石—柳湾旅游快速通道项目"]


def test_a_name_in_brackets_after_a_project_is_a_second_name() -> None:
    text = "青石镇生活垃圾焚烧发电项目（青石镇环境能源项目）进展顺利，云帆（湖南）智能装备产业园项目开工。"
    assert set(found(text, "Project")) == {"青石镇生活垃圾焚烧发电项目", "青石镇环境能源项目", "云帆(湖南)智能装备产业园项目"}


def test_a_ranking_before_a_kind_leaves_no_name() -> None:
    assert found("青石村建成全县首个智慧农业示范基地。", "Project") == []


def test_signing_partners_and_village_roads_are_no_part_of_a_name() -> None:
    text = "青石镇与云帆集团签订青石湾文旅综合体项目合作协议，柳湾村实施村道硬化工程。"
    assert found(text, "Project") == ["青石湾文旅综合体项目"]


def test_processing_parks_are_projects() -> None:
    assert found("青石镇建设青禾农产品加工园。", "Project") == ["青禾农产品加工园"]


def test_a_quoted_facility_after_its_village_keeps_the_village() -> None:
    assert found("建成青石村“幸福食堂”。", "Project") == ["青石村幸福食堂"]


def test_a_quoted_slogan_before_a_generic_head_is_no_project() -> None:
    assert found("在柳湾社区打造“和美家园”示范点。", "Project") == []


def test_a_facility_before_a_staff_word_is_a_workplace() -> None:
    assert found("梅小芳（青石镇卫生院护士长）、李明（柳湾村小学校长）获表彰。", "Project") == []
    assert found("新建青石镇卫生院。", "Project") == ["青石镇卫生院"]


def test_a_bracketed_list_number_is_no_part_of_the_name() -> None:
    text = "（1）青石湾文旅综合体项目：完成投资2亿元。(2)柳湾冷链物流园项目:主体完工。"
    assert set(found(text, "Project")) == {"青石湾文旅综合体项目", "柳湾冷链物流园项目"}


def test_a_places_renewal_works_are_a_project() -> None:
    text = "启动柳湾村城中村改造，完成柳湾社区老旧小区改造。"
    assert set(found(text, "Project")) == {"柳湾村城中村改造", "柳湾社区老旧小区改造"}


def test_a_park_head_reads_on_into_yuanqu_and_counted_kinds_are_no_names() -> None:
    assert found("建成青石镇现代农业园区。", "Project") == ["青石镇现代农业园区"]
    assert found("建成青石村共富工坊3家。", "Project") == []


def test_greenways_are_projects() -> None:
    assert found("柳湾碧道建设完工。", "Project") == ["柳湾碧道"]


def test_a_list_that_a_count_of_projects_introduces() -> None:
    text = "2024年计划实施项目15个，主要包括：青石湾康养小镇、柳湾冷链物流园、白沙河生态修复等。"
    assert set(found(text, "Project")) == {"青石湾康养小镇", "柳湾冷链物流园", "白沙河生态修复"}
    text = "青石镇共有在建项目12个（青石湾康养小镇、白沙河生态修复等）。"
    assert set(found(text, "Project")) == {"青石湾康养小镇", "白沙河生态修复"}


def test_a_list_closed_by_a_batch_of_projects() -> None:
    assert "青石湾二期" in found("储备了青石湾二期、柳湾民宿提升等一批项目。", "Project")


def test_a_facility_used_as_a_venue_is_no_project() -> None:
    text = "组织党员到柳湾村红色教育基地开展主题党日活动，在青石镇文化广场举办广场舞比赛。"
    assert found(text, "Project") == []
    assert found("在青石湾康养小镇项目开展安全检查。", "Project") == ["青石湾康养小镇项目"]


def test_a_year_or_a_generic_description_before_a_name_goes() -> None:
    text = "2023年度青石湾文旅综合体项目完成投资2亿元。市级重点项目柳湾冷链物流园一期竣工。"
    assert set(found(text, "Project")) == {"青石湾文旅综合体项目", "柳湾冷链物流园一期"}


def test_a_conjunction_before_the_word_project_is_no_name() -> None:
    assert found("落实领导包抓及项目专班制度。", "Project") == []


def test_leisure_and_housing_heads_real_reports_use() -> None:
    text = "赤枫湖水上乐园开业，青云里国际滑雪场共接游客7万人次，建成槐溪古村落民宿群、老鹰山农家乐集群、北疆居民小区。"
    assert set(found(text, "Project")) >= {"赤枫湖水上乐园", "青云里国际滑雪场", "槐溪古村落民宿群", "老鹰山农家乐集群", "北疆居民小区"}


def test_a_software_park_a_resettlement_area_and_a_greenway_section() -> None:
    text = "辖区云谷软件园新增企业5家，铁坡村安置区交付使用，建成滨江绿道湾里段。"
    assert set(found(text, "Project")) >= {"云谷软件园", "铁坡村安置区", "滨江绿道湾里段"}


def test_a_scale_of_mu_names_a_belt() -> None:
    assert "万亩晚熟柑橘产业带" in found("建成万亩晚熟柑橘产业带。", "Project")


def test_a_gully_opens_a_scenic_area() -> None:
    assert found("水帘沟景区建设。全面完成接待中心道路硬化。", "Project") == ["水帘沟景区"]


def test_a_size_ranking_is_no_part_of_the_name() -> None:
    assert found("高标准建成全省规模最大“万亩方”永农集中连片整治项目。", "Project") == ["万亩方永农集中连片整治项目"]


def test_earthworks_are_no_named_project() -> None:
    assert found("沙岭公路项目现已基本完成土方工程建设。", "Project") == ["沙岭公路项目"]


def test_inside_the_town_and_an_aid_verb_are_no_part_of_the_name() -> None:
    assert found("福建省在镇内援建闽宁产业园。", "Project") == ["闽宁产业园"]


def test_a_project_whose_own_name_is_masked_is_none() -> None:
    text = "全力推进XX新型显示产业园建设，投资20亿元的xx汽车产业园、xx通智能通信产业园等36个项目加快建设。"
    assert found(text, "Project") == []


def test_a_head_count_of_livestock_is_a_figure_no_name() -> None:
    text = "依托青禾集团20万头生猪养殖项目，建成30万羽蛋鸡养殖基地。"
    names = found(text, "Project")
    assert "青禾集团20万头生猪养殖项目" in names
    assert not any(n.startswith(("万头", "万羽")) for n in names)
    assert "万羽" not in found(text, "Enterprise")


def test_a_list_summed_up_by_deng_is_no_project_name() -> None:
    assert found("有序推进五甲等团块拆改项目。", "Project") == []


def test_a_masked_place_leaves_no_unit_before_the_name() -> None:
    assert found("**市**县东岳镇桥口村农民集中居住区建设项目已完工。", "Project") == ["东岳镇桥口村农民集中居住区建设项目"]


def test_roads_listed_before_deng_daolu_being_built() -> None:
    text = "加快兴旺路、江岭路、霞云线等产业园区重要配套道路建设，完成生物路、国行路及光辉路等路网的路基工程。"
    assert set(found(text, "Project")) == {"兴旺路", "江岭路", "霞云线", "生物路", "国行路", "光辉路"}


def test_roads_listed_but_not_built_are_no_projects() -> None:
    assert found("以樟溪路、青石路等道路为骨架，形成交通网络。", "Project") == []


def test_contract_forms_and_park_infrastructure_are_kinds() -> None:
    assert found("“x工程”进入EPC工程总承包招标阶段，园区基建项目逐步放量。", "Project") == []


def test_a_list_of_projects_in_hand_and_in_talks() -> None:
    assert "鼎茂铝合金船艇" in found("新增远舟智能装备、鼎茂铝合金船艇等一批在手在谈项目。", "Project")


def test_a_name_and_its_phase_before_how_the_works_stand() -> None:
    text = "横港二期完成投资5000万元，宏伊房产一期已竣工，争取日科二期、和阳二期落地建设。"
    assert set(found(text, "Project")) == {"横港二期", "宏伊房产一期", "日科二期", "和阳二期"}


def test_a_type_of_project_is_no_name() -> None:
    assert found("力争引进1—2个链主型项目，招引税源型项目3个。", "Project") == []


def test_a_name_jieba_cut_into_single_characters_opens_a_facility() -> None:
    assert found("推动勐混茶叶交易市场开工，建好小小书屋。", "Project") == ["勐混茶叶交易市场"]


def test_two_projects_joined_by_he_in_a_list_closed_by_deng_xiangmu() -> None:
    text = "今年又启动了闽宁镇红酒街、闽宁镇扶贫车间和银川至闽宁城乡公交首末站等项目。"
    names = found(text, "Project")
    assert "银川至闽宁城乡公交首末站" in names
    assert not any("和" in n for n in names)


def test_a_scaled_demonstration_plot_but_no_goal() -> None:
    assert found("打造百亩蓝莓示范区。", "Project") == ["百亩蓝莓示范区"]
    assert found("助力育种基地建设成为宜都市农业科技成果示范区。", "Project") == []


def test_yu_joins_two_works_inside_one_name() -> None:
    text = "推进古茶园保护与生态茶园改造项目，试验建设150公顷甜玉米与萝卜套种基地。"
    assert set(found(text, "Project")) == {"古茶园保护与生态茶园改造项目", "甜玉米与萝卜套种基地"}


def test_a_place_and_a_quoted_scaled_plot_make_a_demonstration_area() -> None:
    assert found("打造柳沟村“百亩道地黄芩”示范区。", "Project") == ["柳沟村百亩道地黄芩示范区"]


def test_a_coded_works_opens_a_project_name() -> None:
    assert found("完成5702厂职工住宅改造项目交房。", "Project") == ["5702厂职工住宅改造项目"]


def test_a_village_hall_and_a_viewpoint_are_facilities() -> None:
    text = "投资1200万元新建柳湾村文化礼堂，打造白鹭洲观景台。"
    assert set(found(text, "Project")) == {"柳湾村文化礼堂", "白鹭洲观景台"}


def test_roads_upgraded_or_widened_are_being_built() -> None:
    assert set(found("加快推进G318国道青石段改扩建、青柳公路提档升级。", "Project")) == {"G318国道青石段", "青柳公路"}


def test_a_project_counted_in_households_is_a_kind() -> None:
    assert found("实施“厕所革命”项目120户。", "Project") == []


def test_a_road_jieba_keeps_as_one_word_opens_the_list() -> None:
    text = "加快兴达路、江山路、霞梅线等产业园区重要配套道路建设。"
    assert set(found(text, "Project")) == {"兴达路", "江山路", "霞梅线"}


def test_livestock_works_alone_are_a_kind() -> None:
    assert found("依托中粮集团20万头生猪养殖项目，建立发展模式。", "Project") == []


def test_numbered_slogans_are_campaigns_no_projects() -> None:
    text = "扎实推进“百县千镇万村高质量发展工程”，落实“一村一品”工程，实施“五清一改”工程。"
    assert found(text, "Project") == []
    assert found("建成东斟灌村“一村一品”彩椒基地。", "Project") == ["东斟灌村一村一品彩椒基地"]


def test_applying_for_a_title_opens_no_project() -> None:
    text = "争创国家农业产业强镇，申报省级现代农业产业园。"
    assert found(text, "Project") == [] and found(text, "Enterprise") == []


def test_a_farm_number_opens_a_project_name() -> None:
    assert found("推进八五九农场大豆精深加工项目建设。", "Project") == ["八五九农场大豆精深加工项目"]


def test_service_stations_are_facilities_but_not_a_numbered_slogan() -> None:
    assert found("建成王家宅社区党群服务站等阵地12个。", "Project") == ["王家宅社区党群服务站"]
    assert found("岚山社区一老一小综合服务站投用。", "Project") == []


def test_a_village_name_jieba_cut_off_its_unit_opens_the_name() -> None:
    names = found("精心打造森林露营地、回水村栖溪精品民宿、鹿坪山庄等一批新业态。", "Project")
    assert "回水村栖溪精品民宿" in names
    assert found("建设镇便民服务中心，推进镇卫生院建设。", "Project") == []


def test_a_clause_number_is_no_place_name_cut_off_its_unit() -> None:
    assert found("二是镇域化工园区配套基础设施仍需完善。", "Project") == ["镇域化工园区"]


def test_a_numbered_place_opens_the_name() -> None:
    text = "积极打造三十六湾慢生活休闲旅游基地，建设十里铺民俗文化街区。"
    assert set(found(text, "Project")) == {"三十六湾慢生活休闲旅游基地", "十里铺民俗文化街区"}


def test_a_numbered_riverside_is_a_project_no_slogan() -> None:
    assert found("完成“一河两岸”整治提升项目。", "Project") == ["一河两岸整治提升项目"]


def test_two_named_items_share_the_head_of_the_second() -> None:
    text = "云岭岛110KV线路、星湖线路工程全力保障，加快陆城街道老城片区改造、青石老街提升改造工程。"
    assert set(found(text, "Project")) == {"云岭岛110KV线路工程", "星湖线路工程", "陆城街道老城片区改造工程", "青石老街提升改造工程"}

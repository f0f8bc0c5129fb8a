"""Honours listed under an honours heading and the list forms of an award clause, on fictional
reports: each test failed before the rule it covers."""

from __future__ import annotations

from tests.test_nlp_generalise import awarded, found

REPORT = """青石镇2023年工作总结
一、主要工作
全年完成固定资产投资5亿元。
二、获得荣誉情况
1.全国文明村镇（中央文明委，2023年5月）
2.省级卫生乡镇（省爱卫会）
3.柳湾村：全国乡村旅游重点村
4.枫林村  省级美丽乡村示范村
（一）集体荣誉
    全市平安建设先进乡镇、全县招商引资工作先进单位。
（二）个人荣誉
    王立新：全省优秀共产党员；李秀英：全市优秀村干部。
三、下步打算
争取建成全县一流的产业园区。
"""


def test_listed_titles_drop_the_note_on_who_gave_them() -> None:
    titles = found(REPORT, "Honour")
    assert {"全国文明村镇", "省级卫生乡镇", "全市平安建设先进乡镇", "全县招商引资工作先进单位"} <= set(titles)
    assert not any("(" in t or "：" in t for t in titles)


def test_a_listed_title_goes_to_the_name_before_its_colon_or_space() -> None:
    pairs = awarded(REPORT)
    assert {("柳湾村", "全国乡村旅游重点村"), ("枫林村", "省级美丽乡村示范村")} <= pairs
    assert {("王立新", "全省优秀共产党员"), ("李秀英", "全市优秀村干部")} <= pairs
    assert ("青石镇", "全市平安建设先进乡镇") in pairs and ("青石镇", "全国文明村镇") in pairs


def test_the_list_ends_at_the_next_heading() -> None:
    assert "全县一流的产业园区" not in found(REPORT, "Honour")


def test_a_note_after_a_title_can_name_its_recipient() -> None:
    text = "青石镇2023年工作总结\n今年，我镇荣获：全国综合减灾示范社区（东坡社区）、省级森林乡村（桃源村）。"
    assert {("东坡社区", "全国综合减灾示范社区"), ("桃源村", "省级森林乡村")} <= awarded(text)


def test_titles_after_one_verb_separated_by_commas() -> None:
    text = "青石镇2023年工作总结\n我镇先后被评为全省乡村治理示范乡镇，全市人居环境整治红旗乡镇，全县经济发展先进乡镇。"
    assert {"全省乡村治理示范乡镇", "全市人居环境整治红旗乡镇", "全县经济发展先进乡镇"} <= set(found(text, "Honour"))
    assert "全县仅此一家" not in found("青石镇荣获省级卫生镇，全县仅此一家。", "Honour")


def test_a_title_on_the_line_after_its_verb() -> None:
    text = "青石镇2023年工作总结\n年内，柳湾村被评为\n全国文明村。"
    assert ("柳湾村", "全国文明村") in awarded(text)


def test_de_rongyu_chenghao_is_the_tail_of_a_title() -> None:
    text = "青石镇2023年工作总结\n柳湾村被省委组织部授予“全省五星级党组织”的荣誉称号。镇综合文化站获得了全国基层文化先进单位的称号。"
    assert {("柳湾村", "全省五星级党组织"), ("镇综合文化站", "全国基层文化先进单位")} <= awarded(text)


def test_becoming_a_levelled_title_and_being_held_up_as_one_are_awards() -> None:
    text = "青石镇2023年工作总结\n枫林村成为省级森林康养基地，东坡社区被树为全省基层治理典型。"
    assert {("枫林村", "省级森林康养基地"), ("东坡社区", "全省基层治理典型")} <= awarded(text)
    assert "全省重要的粮食生产基地" not in found("青石镇成为全省重要的粮食生产基地。", "Honour")


def test_a_nomination_names_a_title_without_awarding_it() -> None:
    text = "青石镇2023年工作总结\n桃源村被推荐为全国民主法治示范村。"
    assert "全国民主法治示范村" in found(text, "Honour")
    assert not any(h == "全国民主法治示范村" for _, h in awarded(text))


def test_recipients_listed_after_a_counted_title() -> None:
    text = "青石镇2023年工作总结\n全年共有3个村获评省级卫生村，分别是柳湾村、枫林村、桃源村。"
    pairs = awarded(text)
    assert {("柳湾村", "省级卫生村"), ("枫林村", "省级卫生村"), ("桃源村", "省级卫生村")} == {p for p in pairs if p[1] == "省级卫生村"}


def test_the_subject_of_an_earlier_clause_receives() -> None:
    text = "青石镇2023年工作总结\n据了解，柳湾村近年来依托茶叶产业，先后摘得“全国一村一品示范村镇”等多项殊荣。"
    assert ("柳湾村", "全国一村一品示范村镇") in awarded(text)


def test_gai_zhen_is_the_reports_own_town() -> None:
    text = "青石镇2023年工作亮点\n过去一年，该镇还获得全国“安全发展示范乡镇”荣誉称号。"
    assert ("青石镇", "全国安全发展示范乡镇") in awarded(text)


def test_built_into_or_striving_to_become_is_no_award() -> None:
    pairs = awarded("青石镇2023年工作总结\n助力青禾育种基地建设成为省级育种示范区。力争成为全国农业产业强镇。")
    assert not {h for _, h in pairs} & {"省级育种示范区", "全国农业产业强镇"}


def test_a_planned_award_names_the_title_without_awarding_it() -> None:
    text = "青石镇2024年工作计划\n确保通过国家卫生乡镇复审，争取枫林村创成国家森林乡村，争当全市平安建设先进乡镇。"
    assert {"国家卫生乡镇", "国家森林乡村", "全市平安建设先进乡镇"} <= set(found(text, "Honour"))
    assert awarded(text) == set()
    assert ("青石镇", "全市应急模拟演练考核第一名") in awarded("青石镇2023年工作总结\n我镇在全市应急模拟演练考核中获得第一名。")


def test_star_ratings_certifications_and_a_he_inside_a_word() -> None:
    text = (
        "青石镇2023年工作总结\n柳湾民宿被评为三星级旅游民宿，枫林农家乐获评五星级农家乐。恒达机械通过国家高新技术企业认定，"
        "“青石贡茶”获得国家地理标志产品保护。东坡社区荣获2023年度全国“六好”平安和谐社区。"
    )
    titles = set(found(text, "Honour"))
    assert {"三星级旅游民宿", "五星级农家乐", "国家高新技术企业", "国家地理标志产品", "全国六好平安和谐社区"} <= titles
    assert "谐社区" not in titles


def test_a_body_whose_name_holds_nian_receives() -> None:
    assert ("青石镇老年协会", "省级示范老年协会") in awarded("青石镇2023年工作总结\n青石镇老年协会荣获省级示范老年协会。")


INTRODUCED = """青石镇2023年工作总结
一、工作成效
2023年以来，我镇先后获得以下荣誉：
1.全国文明村镇
2.柳湾村：全国乡村旅游重点村
全镇干群齐心协力，各项工作稳步推进，圆满完成全年既定任务。
主要荣誉：全省平安建设先进乡镇、全市招商引资先进单位。
"""


def test_a_sentence_can_announce_the_list_and_a_line_can_name_and_hold_it() -> None:
    pairs = awarded(INTRODUCED)
    assert {("青石镇", "全国文明村镇"), ("柳湾村", "全国乡村旅游重点村")} <= pairs
    assert {("青石镇", "全省平安建设先进乡镇"), ("青石镇", "全市招商引资先进单位")} <= pairs
    assert not any("目标任务" in h or "新成效" in h for _, h in pairs)


def test_a_title_standing_before_a_person_describes_them() -> None:
    text = (
        "青石镇2023年工作总结\n全镇涌现出“全省优秀共产党员”王立新等一批先进典型。"
        "全国劳动模范、柳湾村党支部书记陈志强带领村民发展茶叶产业。"
    )
    assert {("王立新", "全省优秀共产党员"), ("陈志强", "全国劳动模范")} <= awarded(text)


def test_a_place_that_is_a_levelled_designation_holds_it() -> None:
    text = "青石镇2023年工作总结\n柳湾村是全国文明村，也是省级乡村振兴示范村。枫林村先后获得省级卫生村、市级美丽乡村等20余项荣誉。"
    assert {("柳湾村", "全国文明村"), ("柳湾村", "省级乡村振兴示范村"), ("枫林村", "市级美丽乡村")} <= awarded(text)
    assert found("青石镇是全国最大的茶叶集散地。", "Honour") == []


def test_a_counted_list_of_places_all_receive() -> None:
    pairs = awarded("青石镇2023年工作总结\n柳湾村、枫林村、桃源村3个村被评为市级文明村。")
    assert {("柳湾村", "市级文明村"), ("枫林村", "市级文明村"), ("桃源村", "市级文明村")} <= pairs


def test_a_village_or_community_report_is_its_own_recipient() -> None:
    assert ("柳湾村", "省级文明村") in awarded("柳湾村2023年工作总结\n今年，我村荣获省级文明村称号。")
    assert ("东坡社区", "全国示范性老年友好型社区") in awarded("东坡社区2023年工作总结\n今年，我社区荣获全国示范性老年友好型社区。")


def test_rankings_and_grades_take_the_contest_their_clause_opens_with() -> None:
    text = (
        "杨柳镇2023年政府工作报告\n过去一年，我镇在全县年度综合目标考核中位列第一，在全市乡村振兴实绩考核中获评优秀等次；"
        "营商环境满意度测评排名全县第二，党建工作考核获“好”等次，在全县乡镇年度综合考核中被评为“一类乡镇”。"
    )
    pairs = {h for w, h in awarded(text) if w == "杨柳镇"}
    assert {"全县年度综合目标考核第一名", "全市乡村振兴实绩考核优秀等次", "全县营商环境满意度测评第二名"} <= pairs
    assert {"党建工作考核好等次", "全县乡镇年度综合考核一类乡镇"} <= pairs


def test_a_contest_named_with_zhong_guo_keeps_its_name() -> None:
    assert "中国茶业博览会金奖" in "".join(found("云雾茶在第十届中国茶业博览会上摘得金奖。", "Honour"))


def test_titles_in_single_quotes_side_by_side_are_two() -> None:
    titles = found("青石街道获评‘全国和谐社区建设示范街道’‘湖南省平安街道’。", "Honour")
    assert {"全国和谐社区建设示范街道", "湖南省平安街道"} <= set(titles)


def test_a_new_levelled_title_with_its_holders_in_a_note() -> None:
    text = "青石镇2023年工作总结\n新增国家级绿色工厂1家（华诚纺织有限公司）、省级企业技术中心2家（星源电子有限公司、瑞康药业有限公司）。新增省级以上研发机构12家。"
    pairs = awarded(text)
    assert {("华诚纺织有限公司", "国家级绿色工厂"), ("星源电子有限公司", "省级企业技术中心"), ("瑞康药业有限公司", "省级企业技术中心")} <= pairs
    assert not any("研发机构" in h for _, h in pairs)


def test_a_table_row_names_a_body_that_receives() -> None:
    text = "金沙街道2023年度获得荣誉情况\n序号\t荣誉名称\t获奖单位\t授予单位\n1\t广州市先进基层党组织\t望江社区党委\t中共广州市委\n"
    assert awarded(text) == {("望江社区党委", "广州市先进基层党组织")}


def test_products_and_upgrades() -> None:
    text = (
        "青石镇2023年工作总结\n“云雾山”牌绿茶通过绿色食品认证，“马岭黑猪”成功注册国家地理标志证明商标，"
        "丰禾农业专业合作社入选省级示范性农民专业合作社名单，乡敬老院由二星级提升为三星级养老机构，东坝农产品批发市场升级为省级农产品产地市场。"
    )
    titles = set(found(text, "Honour"))
    assert {"绿色食品认证", "国家地理标志证明商标", "省级示范性农民专业合作社", "三星级养老机构", "省级农产品产地市场"} <= titles


def test_recipients_after_de_you_and_an_inner_verb_that_gives_the_title() -> None:
    text = (
        "金溪镇2023年工作总结\n其中，被授予“全国乡村治理示范村”称号的有：金溪村；被评为省级“美丽宜居村庄”的有：上洋村、下洋村。"
        "红岩乡扶贫工作站获国务院扶贫开发领导小组表彰为“全国脱贫攻坚先进集体”。"
    )
    pairs = awarded(text)
    assert {("金溪村", "全国乡村治理示范村"), ("上洋村", "省级美丽宜居村庄"), ("下洋村", "省级美丽宜居村庄")} <= pairs
    assert "全国脱贫攻坚先进集体" in found(text, "Honour")
    assert not any("领导小组" in h for h in found(text, "Honour"))


def test_an_honour_roll_of_title_then_holder() -> None:
    text = (
        "槐树镇2023年度荣誉汇编\n一、集体荣誉\n1.全国“一村一品”示范村镇：杏花村\n2.市级“文明单位”：槐树镇人民政府\n"
        "二、个人荣誉\n1.全国劳动模范：郭志强（杏花村党支部书记）\n"
    )
    pairs = awarded(text)
    assert {("杏花村", "全国一村一品示范村镇"), ("槐树镇人民政府", "市级文明单位"), ("郭志强", "全国劳动模范")} <= pairs


def test_a_recipient_ends_before_you() -> None:
    assert ("乡敬老院", "三星级养老机构") in awarded("青石乡2023年工作总结\n乡敬老院由二星级提升为三星级养老机构。")


def test_prizes_of_a_contest_the_paragraph_names_and_quoted_products() -> None:
    text = (
        "南湖街道2024年工作总结\n近日，2024年全市社区工作者职业技能大赛决赛落下帷幕。南湖街道代表队荣获团体一等奖，"
        "荷花社区网格员陈晓燕获个人二等奖。“岭上香”茶叶获得有机产品认证，白马镇两项目入选全省乡村振兴优秀案例。"
    )
    titles = set(found(text, "Honour"))
    assert {"全市社区工作者职业技能大赛团体一等奖", "全市社区工作者职业技能大赛个人二等奖"} <= titles
    pairs = awarded(text)
    assert ("陈晓燕", "全市社区工作者职业技能大赛个人二等奖") in pairs and ("岭上香茶叶", "有机产品认证") in pairs
    assert ("南湖街道", "全省乡村振兴优秀案例") not in pairs


def test_adverbs_pronouns_leads_and_sub_units_before_the_verb() -> None:
    text = (
        "凤栖镇2023年工作总结\n云帆科技有限公司顺利通过国家高新技术企业复审。全年仅镇应急办获评全县“防汛抗旱工作先进集体”。"
        "他本人被评为“全省农村青年致富带头人”。华阳街道两名网格员获评“全市优秀网格员”。"
    )
    pairs = awarded(text)
    assert ("云帆科技有限公司", "国家高新技术企业") in pairs and ("镇应急办", "全县防汛抗旱工作先进集体") in pairs
    assert not any(w in ("凤栖镇", "他本人", "华阳街道") for w, _ in pairs)


def test_warnings_categories_and_inner_years_are_no_part_of_a_title() -> None:
    text = (
        "青石镇2023年工作总结\n兴隆村被确定为省级乡村振兴重点帮扶村。张华入选湖南好人榜（敬业奉献类）。"
        "我镇获评湖南省2023年度群众体育先进单位，乡消防救援队队长石勇荣立个人三等功。"
    )
    titles = set(found(text, "Honour"))
    assert "省级乡村振兴重点帮扶村" not in titles
    assert {"湖南好人榜", "湖南省群众体育先进单位", "个人三等功"} <= titles


def test_an_unrecognised_subject_is_no_reason_to_credit_the_town() -> None:
    text = (
        "清水河镇2023年工作总结\n总投资46亿元，汇川新材料获评省级专精特新中小企业；区内企业海昌新能源被认定为国家企业技术中心。"
        "连续三年获评“全县综合考核先进乡镇”，营商环境满意度测评排名全县第二。"
    )
    pairs = awarded(text)
    assert {("汇川新材料", "省级专精特新中小企业"), ("海昌新能源", "国家企业技术中心")} <= pairs
    assert {("清水河镇", "全县综合考核先进乡镇"), ("清水河镇", "全县营商环境满意度测评第二名")} <= pairs
    assert ("清水河镇", "省级专精特新中小企业") not in awarded("清水河镇2023年工作总结\n新研发的光伏组件新品获评省级专精特新中小企业。")


def test_a_persons_family_receives_through_the_person() -> None:
    assert ("张桂芳", "全国最美家庭") in awarded("青石镇2023年工作总结\n柳湾村村民张桂芳家庭被评为“全国最美家庭”。")


def test_lists_in_book_marks_and_a_places_quoted_item() -> None:
    text = (
        "龙岗镇2023年工作总结\n龙岗镇“板凳龙”被列入第六批省级非物质文化遗产代表性项目名录。"
        "辖区企业华科智能入选工信部《2023年工业互联网试点示范项目名单》。"
    )
    pairs = awarded(text)
    assert {("板凳龙", "省级非物质文化遗产代表性项目"), ("华科智能", "工业互联网试点示范项目")} <= pairs
    assert "工业互联网试点示范项目" not in found(text, "Project") or "工业互联网试点示范项目" in found(text, "Honour")


def test_titles_in_the_note_after_a_count_of_honours() -> None:
    text = "佛堂镇2023年工作总结\n先后获得国家级荣誉3项（全国文明镇、全国重点镇、国家卫生镇）、省级荣誉6项。"
    assert {("佛堂镇", "全国文明镇"), ("佛堂镇", "全国重点镇"), ("佛堂镇", "国家卫生镇")} <= awarded(text)


def test_a_weak_bare_title_takes_its_contest_where_the_sentence_names_one() -> None:
    text = "金川镇2023年工作总结\n在全市一季度“项目建设擂台赛”中，金川镇获得第一名，金川工业园获评“最佳园区”。"
    assert "全市一季度项目建设擂台赛最佳园区" in found(text, "Honour")
    assert "最佳园区" in found("金川镇2023年工作总结\n金川工业园获评“最佳园区”。", "Honour")


def test_a_quoted_commendation_given_by_name_stands_alone() -> None:
    text = "青石镇2024年工作总结\n经镇党委研究，决定授予桃园村、龙泉社区“2024年度先进集体”称号。"
    assert {("桃园村", "先进集体"), ("龙泉社区", "先进集体")} <= awarded(text)


def test_a_running_facility_that_receives_is_no_project() -> None:
    text = "青石镇2023年工作总结\n青石镇卫生院获评全国优质服务基层行推荐标准单位。投资3000万元建设青石镇卫生院综合楼项目。"
    assert found(text, "Project") == ["青石镇卫生院综合楼项目"]
    assert ("青石镇卫生院", "全国优质服务基层行推荐标准单位") in awarded(text)


def test_a_holder_then_its_titles_and_counted_shared_suffix_places() -> None:
    text = "浦市镇2023年荣誉汇编\n一、集体荣誉\n（1）浦市镇：湖南省历史文化名镇、湘西州“先进基层党组织”；\n二、其他\n潭头、安前两村成为“全国一村一品示范村镇”。"
    pairs = awarded(text)
    assert {("浦市镇", "湖南省历史文化名镇"), ("浦市镇", "湘西州先进基层党组织")} <= pairs
    assert {("潭头村", "全国一村一品示范村镇"), ("安前村", "全国一村一品示范村镇")} <= pairs


def test_an_aim_governs_its_whole_sentence() -> None:
    text = "青石镇2024年工作计划\n力争我镇成功创建“国家卫生乡镇”，宏达精工入选“江苏省专精特新中小企业”。"
    assert awarded(text) == set()


def test_titles_ending_like_real_honours_without_quotes() -> None:
    text = (
        "青石镇2023年工作总结\n镇卫生院获评全省工人先锋号，柳湾村入选中国少数民族特色村寨，"
        "王立新技能大师工作室被命名为省级技能大师工作室，青石镇被授予全国历史文化名城，李秀英获评全市时代楷模。"
    )
    titles = set(found(text, "Honour"))
    assert {"全省工人先锋号", "中国少数民族特色村寨", "省级技能大师工作室", "全国历史文化名城", "全市时代楷模"} <= titles


def test_more_award_verbs() -> None:
    text = "青石镇2023年工作总结\n柳湾村被省农业农村厅授牌为省级示范家庭农场培育基地，枫林村被遴选为全国乡村治理示范村，桃源村被选树为全市基层党建示范点。"
    assert {("柳湾村", "省级示范家庭农场培育基地"), ("枫林村", "全国乡村治理示范村"), ("桃源村", "全市基层党建示范点")} <= awarded(text)


def test_a_person_described_by_place_and_post_is_the_subject_but_not_one_who_speaks() -> None:
    text = (
        "青石镇2023年工作总结\n大田湾社区居民罗世明见义勇为，荣获“重庆市见义勇为先进个人”。"
        "油茶种植大户胡德明带动300余户增收，被评为“全国农村致富带头人”。镇长王明介绍，我镇荣获全国文明村镇称号。"
        "安全生产工作获评全县“安全生产工作先进单位”。"
    )
    pairs = awarded(text)
    assert {("罗世明", "重庆市见义勇为先进个人"), ("胡德明", "全国农村致富带头人"), ("青石镇", "全国文明村镇")} <= pairs
    assert ("青石镇", "全县安全生产工作先进单位") in pairs


def test_a_sentence_about_commendations_under_an_honours_heading_is_no_list() -> None:
    text = "青石镇2023年工作总结\n（三）强化宣传表彰\n全年表彰先进集体10个、先进个人30名。\n"
    assert found(text, "Honour") == []

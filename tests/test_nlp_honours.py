"""Honours (components/honours.py) and their AWARDED recipients, on invented sentences of
the shapes unseen real reports write them in."""

from __future__ import annotations

from tests.test_nlp_generalise import awarded, found

TOWN = "青石镇2023年工作总结\n"


def test_comma_list_of_titles_with_years_and_places_all_go_to_the_town() -> None:
    text = TOWN + "获得2022年度省卫生乡镇，2022年度全市征兵工作先进单位，2022年度“平江县五四红旗团委”。\n"
    assert awarded(text) >= {
        ("青石镇", "省卫生乡镇"),
        ("青石镇", "全市征兵工作先进单位"),
        ("青石镇", "平江县五四红旗团委"),
    }


def test_a_comma_clause_that_is_not_a_title_ends_the_list() -> None:
    text = TOWN + "被评为全市文明乡镇，全年接待游客10万人次。\n"
    assert awarded(text) == {("青石镇", "全市文明乡镇")}


def test_two_titles_joined_by_yiji_are_two() -> None:
    text = TOWN + "该镇继获得全国民主法治示范社区、全国和谐社区示范街道以及全国家庭教育示范基地之后，又获评全国综合减灾示范社区。\n"
    names = {h for _, h in awarded(text)}
    assert {"全国和谐社区示范街道", "全国家庭教育示范基地"} <= names
    assert not any("以及" in h for h in names)


def test_a_count_of_honours_is_no_title() -> None:
    text = TOWN + "柳湾村被授予全国文明村称号，这是该村捧回的第五块国字号招牌。\n"
    assert {h for _, h in awarded(text)} == {"全国文明村"}


def test_a_learned_span_over_two_joined_titles_is_split_and_loses_its_count() -> None:
    from extract.nlp.components.tagger import _split_joined

    text = "表彰150个全省先进基层自治组织和300名全省优秀社区工作者"
    start = text.index("全省先进")
    parts = _split_joined([(start, len(text), "Honour")], text)
    assert [text[a:b] for a, b, _ in parts] == ["全省先进基层自治组织", "全省优秀社区工作者"]


def test_giving_verb_with_wei_names_the_recipient_before_and_the_title_after() -> None:
    text = TOWN + "会议决定授予柳湾村等4个村为乡村振兴示范村，授予青禾农机专业合作社等6家合作社为县级农民专业合作社示范社。\n"
    pairs = awarded(text)
    assert ("柳湾村", "乡村振兴示范村") in pairs
    assert not any("等4个村" in h for _, h in pairs)


def test_a_roll_without_verb_names_who_is_what() -> None:
    text = TOWN + "评选结果揭晓，白沙社区等20个社区为“全区和美社区”。\n"
    assert ("白沙社区", "全区和美社区") in awarded(text)


def test_the_town_said_as_gai_jiedao_receives() -> None:
    text = "青石街道2023年工作总结\n这是该街道继获得全国民主法治示范社区之后捧回的又一项国家级荣誉。\n"
    assert ("青石街道", "全国民主法治示范社区") in awarded(text)


def test_a_grade_and_a_document_about_honours_are_no_titles() -> None:
    text = TOWN + "在全市城乡社区治理工作考评情况通报中，我镇获评“优”(一等)，柳湾村被评为“全市社区治理示范村”。\n"
    names = {h for _, h in awarded(text)}
    assert names == {"全市社区治理示范村"}


def test_ming_ming_around_a_title_is_not_part_of_it() -> None:
    text = TOWN + "我镇喜获得“国家卫生乡镇”命名，白沙镇同期获命名国家卫生乡镇。\n"
    assert {h for _, h in awarded(text)} == {"国家卫生乡镇"}


def test_every_member_of_a_list_named_among_the_winners_receives() -> None:
    text = "青石县2023年工作总结\n我县龙潭镇、清溪镇和平阳县的白沙镇名列其中，荣获省级卫生乡镇称号。\n"
    assert {r for r, h in awarded(text) if h == "省级卫生乡镇"} == {"龙潭镇", "清溪镇", "白沙镇"}


def test_people_counted_with_ren_all_receive() -> None:
    text = TOWN + "张三、李四、王五等10人荣获“邻里榜样”称号。\n"
    assert {r for r, _ in awarded(text)} == {"张三", "李四", "王五"}


def test_a_place_the_model_also_tags_as_a_firm_stays_a_place() -> None:
    from extract.nlp.components.tagger import merge
    from extract.nlp.mention import Mention

    text = "柳林镇、凌云乡等2个乡镇被命名为省级森林乡镇"
    place = Mention(4, 7, "Subdistrict", "凌云乡")
    kept = merge([place], [(4, 7, "Enterprise")], text)
    assert [(m.label, m.name) for m in kept] == [("Subdistrict", "凌云乡")]


def test_recipients_listed_after_the_title_with_fenbiewei_or_de_you() -> None:
    text = TOWN + (
        "获评第二届全市“十佳村民委员会”的2个村分别为：柳湾村、白沙村；"
        "获评全县“五好社区居委会”的社区有：石桥社区、青山社区。\n"
    )
    pairs = awarded(text)
    assert {r for r, h in pairs if h == "全市十佳村民委员会"} == {"柳湾村", "白沙村"}
    assert {r for r, h in pairs if h == "全县五好社区居委会"} == {"石桥社区", "青山社区"}


def test_a_commendation_roll_with_one_name_or_names_run_together() -> None:
    text = TOWN + (
        "经评定，下列单位和个人获得“邻里节”活动奖项：\n"
        "一、“邻里节”活动最佳组织奖：青石镇柳湾社区青石镇白沙社区\n"
        "二、“邻里节”活动最佳人气奖：张秀兰\n"
    )
    pairs = awarded(text)
    assert {r for r, h in pairs if h == "邻里节活动最佳组织奖"} == {"柳湾社区", "白沙社区"}
    assert ("张秀兰", "邻里节活动最佳人气奖") in pairs
    assert not any(h.endswith("奖项") for _, h in pairs)


def test_a_learned_span_from_a_colon_or_over_a_run_of_places_is_dropped() -> None:
    from extract.nlp.components.tagger import merge
    from extract.nlp.mention import Mention

    text = "最佳组织奖：甲镇乙社区丙镇丁社区"
    places = [Mention(6 + 2 * i, 8 + 2 * i, "Community", text[6 + 2 * i : 8 + 2 * i]) for i in range(4)]
    kept = merge(places, [(6, len(text), "Project"), (5, len(text), "Project")], text)
    assert not any(m.label == "Project" for m in kept)


def test_a_giving_chain_gives_each_title_to_the_names_of_its_own_clause() -> None:
    text = TOWN + (
        "决定授予柳湾村等3个村为美丽乡村建设先进单位，张秀兰等5人为乡村振兴贡献奖，"
        "白沙镇郭家二村等2个村为来料加工特色村。\n"
    )
    pairs = awarded(text)
    assert ("柳湾村", "美丽乡村建设先进单位") in pairs
    assert ("张秀兰", "乡村振兴贡献奖") in pairs
    assert ("郭家二村", "来料加工特色村") in pairs
    assert ("柳湾村", "乡村振兴贡献奖") not in pairs
    assert ("白沙镇", "来料加工特色村") not in pairs


def test_list_mates_placed_by_county_and_town_and_a_bracketed_count() -> None:
    text = "青石县2023年工作总结\n平阳县白沙镇柳湾村、龙海区石桥镇白鹭村等12个村被认定为省级乡村治理示范村，凤鸣镇、龙海区港尾镇等16个乡(镇)被认定为省级乡村治理示范镇。\n"
    pairs = awarded(text)
    assert {r for r, h in pairs if h == "省级乡村治理示范村"} == {"柳湾村", "白鹭村"}
    assert {r for r, h in pairs if h == "省级乡村治理示范镇"} == {"凤鸣镇", "港尾镇"}


def test_a_later_award_verb_in_the_clause_names_its_own_titles() -> None:
    text = "青石街道2023年工作总结\n今年获得的荣誉是该街道继获得全国和谐社区建设示范街道、全国社区志愿者活动示范单位后获得的第五项国家级荣誉。\n"
    names = {h for _, h in awarded(text)}
    assert names == {"全国和谐社区建设示范街道", "全国社区志愿者活动示范单位"}


def test_a_giving_verb_names_recipients_no_other_step_knows() -> None:
    text = TOWN + "会议授予镇卫生院等6个单位为全镇文明单位，授予青禾宾馆等17家门店“门前三包”优秀门店荣誉称号。\n"
    pairs = awarded(text)
    assert ("镇卫生院", "全镇文明单位") in pairs
    assert ("青禾宾馆", "门前三包优秀门店") in pairs


def test_people_each_described_by_place_and_post_all_receive() -> None:
    text = TOWN + (
        "柳湾村党支部书记、村委会主任张秀兰，白沙镇石桥村党支部书记、村委会主任李国强获全国优秀城乡社区工作者称号；"
        "白鹭社区居民委员会获全国民主法治示范社区称号。\n"
    )
    pairs = awarded(text)
    assert {r for r, h in pairs if h == "全国优秀城乡社区工作者"} == {"张秀兰", "李国强"}
    assert ("白鹭社区", "全国民主法治示范社区") in pairs


def test_the_names_before_a_later_award_verb_are_its_recipients_not_a_title() -> None:
    text = TOWN + "柳湾村被评为省级文明村、石门、后山等村被评为市级文明村。\n"
    names = {h for _, h in awarded(text)}
    assert names == {"省级文明村", "市级文明村"}


def test_a_count_of_places_given_a_title_is_not_part_of_it() -> None:
    text = TOWN + "表彰大会授予3316个村镇第七届全国文明村镇称号。\n"
    from tests.test_nlp_generalise import found

    assert "全国文明村镇" in found(text, "Honour")
    assert not any(n.startswith("村镇") for n in found(text, "Honour"))


def test_an_annex_of_titles_with_counts_and_names_on_the_lines_below() -> None:
    text = TOWN + (
        "附件：2023年度先进单位名单\n"
        "一、美丽乡村建设先进单位(3个)\n柳湾村 白沙村\n石桥村\n"
        "二、优秀志愿者(2名)\n张秀兰 李国强\n"
    )
    pairs = awarded(text)
    assert {r for r, h in pairs if h == "美丽乡村建设先进单位"} == {"柳湾村", "白沙村", "石桥村"}
    assert {r for r, h in pairs if h == "优秀志愿者"} == {"张秀兰", "李国强"}


def test_gai_cun_receives_as_the_village_named_before_it() -> None:
    text = TOWN + "柳湾村位于青石镇东部，近年来发展莲藕产业，该村先后被评为省级美丽乡村示范村、全国文明村镇。\n"
    assert {r for r, _ in awarded(text)} == {"柳湾村"}


def test_a_masked_count_of_people_receives_nothing() -> None:
    text = TOWN + "在防汛救灾中，柳湾村党支部荣获市级防汛救灾先进基层党组织，x人获市级防汛救灾先进个人。\n"
    assert not any(r.startswith("x") for r, _ in awarded(text))


def test_a_party_branch_title_and_a_batch_inside_a_title() -> None:
    text = TOWN + "柳湾村党支部被评为五星级党支部，我镇被列入全省第二批乡村振兴示范镇创建名单。\n"
    pairs = awarded(text)
    assert ("柳湾村党支部", "五星级党支部") in pairs
    assert ("青石镇", "全省乡村振兴示范镇") in pairs


def test_a_count_after_quan_zhen_is_the_recipient_not_the_town() -> None:
    text = TOWN + "全镇共有12户家庭获评“最美家庭”，柳湾村、白沙村和石桥村获评省级美丽乡村。\n"
    pairs = awarded(text)
    assert not any(h == "最美家庭" for _, h in pairs)
    assert {r for r, h in pairs if h == "省级美丽乡村"} == {"柳湾村", "白沙村", "石桥村"}


def test_wo_cun_in_a_village_report_is_the_village_of_the_title() -> None:
    text = "青石镇柳湾村2023年工作总结\n今年我村被评为省级美丽乡村示范村，全镇获评省级卫生镇。\n"
    pairs = awarded(text)
    assert ("柳湾村", "省级美丽乡村示范村") in pairs
    assert ("青石镇", "省级卫生镇") in pairs


def test_rolls_with_semicolons_lines_after_rumu_and_a_heading_ending_in_a_colon() -> None:
    text = TOWN + (
        "市先进基层党组织：柳湾村党支部；白沙村党支部。\n"
        "全镇有2家企业被评为市级高新技术企业，具体名单如下：\n青禾科技有限公司\n远舟智能装备有限公司\n"
        "一、获“市级龙头企业”称号的企业：\n青禾农业有限公司\n石桥茶业有限公司\n"
        "获评全县“五好村委会”的村有：柳湾村、白沙村；获评全县“五好社区居委会”的社区有：石桥社区。\n"
    )
    pairs = awarded(text)
    assert {r for r, h in pairs if h == "市先进基层党组织"} == {"柳湾村党支部", "白沙村党支部"}
    assert {r for r, h in pairs if h == "市级高新技术企业"} == {"青禾科技有限公司", "远舟智能装备有限公司"}
    assert {r for r, h in pairs if h == "市级龙头企业"} == {"青禾农业有限公司", "石桥茶业有限公司"}
    assert {r for r, h in pairs if h == "全县五好村委会"} == {"柳湾村", "白沙村"}
    assert {r for r, h in pairs if h == "全县五好社区居委会"} == {"石桥社区"}


def test_more_ways_to_give_a_title() -> None:
    text = TOWN + (
        "“青石山茶油”成功获批“国家地理标志保护产品”。柳湾村是全省乡村振兴示范村之一。"
        "石桥社区被评为市先进居委会。白沙村被定为全省乡村治理示范点。\n"
    )
    assert awarded(text) >= {
        ("青石山茶油", "国家地理标志保护产品"),
        ("柳湾村", "全省乡村振兴示范村"),
        ("石桥社区", "市先进居委会"),
        ("白沙村", "全省乡村治理示范点"),
    }


def test_the_speaker_is_not_the_town_and_a_ceremony_is_not_part_of_a_title() -> None:
    text = "青石镇党委书记2023年述职报告\n一年来，我被评为全县优秀乡镇党委书记；镇党委为柳湾村全县先进党支部进行授牌。\n"
    pairs = awarded(text)
    assert not any(h == "全县优秀乡镇党委书记" for _, h in pairs)


def test_a_kind_of_recipient_names_nobody() -> None:
    text = TOWN + "村委会获评全县先进集体，柳湾村获评全县文明村。\n"
    pairs = awarded(text)
    assert ("柳湾村", "全县文明村") in pairs
    assert not any(r == "村委会" for r, _ in pairs)


def test_a_counted_title_with_two_holders_joined_by_he_in_its_note() -> None:
    text = TOWN + "新增市级高新技术企业2家（青禾集团和远舟集团）。\n"
    pairs = awarded(text)
    assert {h for _, h in pairs} == {"市级高新技术企业"}
    assert ("青禾集团", "市级高新技术企业") in pairs


def test_villages_and_communities_or_firms_and_bodies_share_one_list() -> None:
    text = TOWN + "柳湾村、白沙村、石桥社区被授予“省级文明村镇”称号。青禾科技有限公司、镇卫生院获评市级文明单位。\n"
    pairs = awarded(text)
    assert {r for r, h in pairs if h == "省级文明村镇"} == {"柳湾村", "白沙村", "石桥社区"}
    assert {r for r, h in pairs if h == "市级文明单位"} == {"青禾科技有限公司", "镇卫生院"}


def test_a_bare_honour_in_a_villages_report_is_the_villages() -> None:
    text = "青石镇柳湾村2023年工作总结\n今年荣获省级美丽乡村示范村称号。\n"
    assert awarded(text) == {("柳湾村", "省级美丽乡村示范村")}


def test_a_masked_awarding_place_before_a_title_goes_and_its_level_stays() -> None:
    text = TOWN + "我镇先后荣获xx省森林城镇、xx市文明村镇等称号。\n"
    assert awarded(text) == {("青石镇", "省森林城镇"), ("青石镇", "市文明村镇")}


def test_an_aim_names_its_title_without_the_aim_words_and_awards_nothing() -> None:
    from tests.test_nlp_generalise import found

    text = TOWN + "下一步，我镇将以争创自治区文明镇为目标，推进各项工作。\n"
    assert "自治区文明镇" in found(text, "Honour")
    assert awarded(text) == set()


def test_an_unnumbered_title_line_ending_in_a_colon_with_names_below() -> None:
    text = TOWN + "先进党支部：\n柳湾村党支部\n白沙村党支部\n优秀共产党员：\n张秀兰 李国强\n主要做法：\n一是强化组织领导\n"
    pairs = awarded(text)
    assert pairs == {
        ("柳湾村党支部", "先进党支部"), ("白沙村党支部", "先进党支部"),
        ("张秀兰", "优秀共产党员"), ("李国强", "优秀共产党员"),
    }


def test_a_later_clause_opening_with_the_town_outweighs_the_sentence_opener() -> None:
    text = TOWN + "柳湾村成功获评国家3A级旅游景区,全镇接待游客249万人次,青石镇荣获全市文明镇街称号,顺利通过省级卫生镇复审。\n"
    pairs = awarded(text)
    assert ("青石镇", "省级卫生镇") in pairs
    assert ("柳湾村", "省级卫生镇") not in pairs


def test_people_in_a_published_list_with_bang_shang_you_ming() -> None:
    text = TOWN + "近日，市退役军人事务局公布2023年度“最美退役军人”名单，柳湾社区老兵张建华、白沙村村委委员李卫东2人榜上有名。\n"
    assert {r for r, h in awarded(text) if h == "最美退役军人"} == {"张建华", "李卫东"}


def test_a_learned_person_with_one_mask_character_is_dropped() -> None:
    from extract.nlp.components.tagger import merge

    text = "镇长陈*同志讲话"
    assert merge([], [(2, 4, "Person")], text) == []


def test_an_honoured_scenic_area_stays_a_project() -> None:
    from extract.nlp.components.recipients import _WORKS

    assert _WORKS.search("凤鸣山景区") and _WORKS.search("青龙湖湿地公园")


def test_awards_by_year_with_no_subject_and_a_later_clause_with_a_year_range() -> None:
    text = TOWN + (
        "青石镇地处县城东部,交通便利。2010年被市委、市政府确定为“市级示范小城镇”、2015年被县委县政府评为“县工业强镇”。\n"
        "2019年,柳湾村被镇党委评为五好党支部,2020-2022年被评为市级文明村荣誉称号。\n"
        "白沙社区居委会位于人民路以南,现有居民2000多户,成绩明显,先后被市、县评为“文明社区”和“平安小区”称号。\n"
    )
    assert awarded(text) == {
        ("青石镇", "市级示范小城镇"), ("青石镇", "县工业强镇"),
        ("柳湾村", "五好党支部"), ("柳湾村", "市级文明村"),
        ("白沙社区", "文明社区"), ("白沙社区", "平安小区"),
    }


def test_a_roll_run_on_in_one_line_with_colons_and_semicolons() -> None:
    text = TOWN + "受市县两级表彰的有:市级先进基层党组织:柳湾村党支部;县级优秀共产党员:张立群、王春梅;优秀党务工作者:李国栋。\n"
    assert awarded(text) == {
        ("柳湾村党支部", "市级先进基层党组织"),
        ("张立群", "县级优秀共产党员"), ("王春梅", "县级优秀共产党员"),
        ("李国栋", "优秀党务工作者"),
    }


def test_a_published_list_and_the_places_named_in_the_next_sentence() -> None:
    text = "青石县2023年工作总结\n近日,国家林草局公布了第五批“全国生态文化村”名单,我县共2个村上榜。\n这2个村分别是:青石镇柳湾村、白沙镇石桥村。\n"
    assert awarded(text) == {("柳湾村", "全国生态文化村"), ("石桥村", "全国生态文化村")}


def test_wo_cun_with_its_bodies_in_a_villages_report() -> None:
    text = "青石镇柳湾村2023年工作总结\n我村党总支、村委会先后荣获浙江省“生态文明村”、“档案工作示范村”。\n"
    assert {r for r, _ in awarded(text)} == {"柳湾村"}


def test_a_class_noun_after_a_quoted_title_and_the_holders_after_it() -> None:
    text = TOWN + "会上表彰获市级“科技进步奖”企业青禾农机有限公司和云帆生物技术有限公司。\n"
    assert awarded(text) == {("青禾农机有限公司", "市级科技进步奖"), ("云帆生物技术有限公司", "市级科技进步奖")}


def test_parallel_giving_with_address_chains_pairs_each_group_with_its_title() -> None:
    text = "青石县2023年工作总结\n决定授予青山市青石镇柳湾村等200个“省级美丽宜居村”、白沙县河口镇石桥村等80个“省级精品村”称号。\n"
    assert awarded(text) == {("柳湾村", "省级美丽宜居村"), ("石桥村", "省级精品村")}


def test_a_village_headline_makes_the_village_the_subject_of_a_news_write_up() -> None:
    text = "柳湾村召开“美丽庭院”表彰大会\n近年来，在青石镇党委的领导下，乡村面貌焕然一新，先后荣获省级文明村、全国绿色村庄等称号。\n"
    assert awarded(text) == {("柳湾村", "省级文明村"), ("柳湾村", "全国绿色村庄")}


def test_a_subjectless_award_sentence_carries_the_subject_of_the_sentence_before() -> None:
    text = TOWN + "近两年，柳湾村以茶园为依托，打造“茶香柳湾”品牌。获得省级美丽乡村示范村、市级森林村庄。\n"
    assert awarded(text) == {("柳湾村", "省级美丽乡村示范村"), ("柳湾村", "市级森林村庄")}


def test_a_name_listed_last_in_the_sentence_before_carries_to_its_title() -> None:
    text = TOWN + "近日，省文明委公布了第三批省级文明村名单，我县青石镇柳湾村榜上有名！荣获“省级文明村”称号！\n"
    assert ("柳湾村", "省级文明村") in awarded(text)
    assert ("青石镇", "省级文明村") not in awarded(text)


def test_nothing_carries_when_the_sentence_names_the_own_unit_or_follows_another_award() -> None:
    text = TOWN + "白沙社区书记张某获评“优秀社区工作者”。一年来，街道先后荣获“全国文明单位”。\n"
    assert ("青石镇", "全国文明单位") in awarded(text)
    text = TOWN + "白沙社区书记张某获评“优秀社区工作者”。荣获“市级文明单位”称号。\n"
    assert ("青石镇", "市级文明单位") in awarded(text)


def test_nothing_carries_from_a_table_row_into_a_numbered_heading() -> None:
    text = TOWN + "一、获“省级名牌产品”\n青禾食品有限公司 奖金：10万元\n二、获“省著名商标”\n白沙茶业有限公司 奖金：5万元\n"
    assert ("青禾食品有限公司", "省著名商标") not in awarded(text)


def test_a_published_list_whose_holders_follow_in_the_next_sentence() -> None:
    text = TOWN + "近日，省林业局公布了2021年86个省级森林村庄名单，展示了各地绿化成果。我县青石镇柳湾村和白沙乡石桥村入选。\n"
    assert awarded(text) >= {("柳湾村", "省级森林村庄"), ("石桥村", "省级森林村庄")}
    assert not any(h.startswith(("年", "86")) for _, h in awarded(text))


def test_a_body_placing_a_list_mate_does_not_break_the_list() -> None:
    text = TOWN + "近日，省林业局公布了首批省级森林乡村名单。青石镇柳湾村、白沙乡石桥村、青禾集团茶山村、青石镇枫林村4个村上榜。\n"
    assert {r for r, _ in awarded(text)} == {"柳湾村", "石桥村", "茶山村", "枫林村"}


def test_a_place_before_a_count_of_villages_is_not_their_recipient() -> None:
    text = "云岭五个村获评省级森林乡村\n近日，省林业局公布了名单。\n"
    assert not any(r.startswith("云岭") for r, _ in awarded(text))


def test_the_name_a_clause_of_award_describes_after_de() -> None:
    text = TOWN + "被评为全国美丽休闲乡村和省级乡村旅游重点村的柳湾村，青山环抱，溪水潺潺。\n"
    assert ("柳湾村", "全国美丽休闲乡村") in awarded(text)
    assert ("青石镇", "全国美丽休闲乡村") not in awarded(text)


def test_villages_listed_after_a_sought_title_are_no_titles() -> None:
    text = TOWN + "明年全县拟完成柳湾村争创国家级生态村的申报及青溪镇石桥村、云雾乡枫林村、白沙乡桃源村等村争创省级生态村的申报。\n"
    names = set(found(text, "Honour"))
    assert not names & {"演武乡枫林村", "白沙乡桃源村"}


def test_a_place_before_a_quoted_part_of_a_longer_title_stays() -> None:
    text = TOWN + "柳湾村获得云岭市“花园庭院”示范村称号。\n"
    assert awarded(text) == {("柳湾村", "云岭市花园庭院示范村")}


def test_prime_quotation_marks_are_quotes() -> None:
    from extract.clean import clean

    text = TOWN + "柳湾村先后获得〝全国文明村〞、〝省级卫生村〞等称号。\n"
    assert awarded(clean(text)) == {("柳湾村", "全国文明村"), ("柳湾村", "省级卫生村")}


def test_a_village_branch_placed_by_its_town_is_named_without_the_town() -> None:
    text = TOWN + "白沙镇柳湾村党总支、云岭乡石桥村党支部被评为全省美丽乡村先锋党组织。\n"
    assert awarded(text) == {("柳湾村党总支", "全省美丽乡村先锋党组织"), ("石桥村党支部", "全省美丽乡村先锋党组织")}


def test_huopi_gives_a_designation_but_not_funds_or_land() -> None:
    text = TOWN + "全年获批资金300万元，获批建设用地指标50亩。云帆科技获批省企业技术创新中心，柳湾村获批省级森林村庄。\n"
    assert awarded(text) == {("云帆科技", "省企业技术创新中心"), ("柳湾村", "省级森林村庄")}


def test_a_learned_title_ends_before_tongguo_or_a_trailing_level_and_counted_firms_are_none() -> None:
    from extract.nlp.components.tagger import merge

    text = "青溪物流园获评省级示范物流园区通过市级评审，获得国家级健康社区试点及省级荣誉7项，出清12家高耗低效工业企业。"
    spans = [(text.index(t), text.index(t) + len(t), "Honour") for t in ("省级示范物流园区通过市级评审", "国家级健康社区试点及省级", "高耗低效工业企业")]
    assert [text[a:b] for a, b, _ in spans] == ["省级示范物流园区通过市级评审", "国家级健康社区试点及省级", "高耗低效工业企业"]
    kept = {m.name for m in merge([], spans, text)}
    assert kept == {"省级示范物流园区", "国家级健康社区试点"}


def test_a_quoted_recipient_with_a_space_before_the_verb() -> None:
    text = TOWN + "文旅融合：柳溪景区接待游客2万人次，“竹海民宿” 获评省级金宿民宿。\n"
    assert ("竹海民宿", "省级金宿民宿") in awarded(text)


def test_the_only_one_in_the_city_is_the_own_town() -> None:
    text = TOWN + "全镇上下齐心协力、攻坚克难，在全县唯一获评“全国卫生镇”。\n"
    assert awarded(text) == {("青石镇", "全国卫生镇")}


def test_a_sentence_opening_with_a_placed_village_gives_it_the_later_titles() -> None:
    text = TOWN + "近年来，浏阳市青石镇柳湾村以“五村同创”为抓手，探索共建模式，先后获得省级民主法治示范村、市级无毒示范村。\n"
    assert awarded(text) == {("柳湾村", "省级民主法治示范村"), ("柳湾村", "市级无毒示范村")}


def test_a_range_of_years_before_a_title_goes() -> None:
    text = TOWN + "青石商会被评为2021-2022年度全省工商联“五好”商会。\n"
    assert {h for _, h in awarded(text)} == {"全省工商联五好商会"}


def test_a_list_of_towns_and_placed_villages_then_a_comma_before_the_verb() -> None:
    text = TOWN + "本届评选近日揭晓，浏阳市青石镇 、宁乡县白沙镇柳湾村 、望城区桃源镇石桥村 ，喜获全国文明村镇称号。\n"
    assert {r for r, _ in awarded(text)} == {"青石镇", "柳湾村", "石桥村"}


def test_a_lone_name_then_a_comma_before_the_verb_is_no_recipient() -> None:
    text = TOWN + "全镇大力建设柳湾村，获得省级卫生镇称号。\n"
    assert awarded(text) == {("青石镇", "省级卫生镇")}


def test_an_adverb_after_a_surname_character_is_no_person() -> None:
    text = TOWN + "全镇辖28个行政村。曾先后获得“湖南省卫生镇”“湖南省园林乡镇”称号。\n"
    assert awarded(text) == {("青石镇", "湖南省卫生镇"), ("青石镇", "湖南省园林乡镇")}


def test_a_province_before_a_quoted_title_stays_and_chenggong_chuangjian_wei_is_one_verb() -> None:
    text = TOWN + "成功创建为国家级“农家书屋”建设示范乡镇，被授予湖南省“楹联之镇”称号。\n"
    assert awarded(text) == {("青石镇", "国家级农家书屋建设示范乡镇"), ("青石镇", "湖南省楹联之镇")}


def test_a_comma_continues_with_a_list_of_quoted_titles() -> None:
    text = TOWN + "先后荣获“省级标准化司法所”、“省级红旗支部村”等省级荣誉3个，“全市平安建设示范单位”、“云岭市文明单位”等市级荣誉10多项。\n"
    assert {h for _, h in awarded(text)} == {"省级标准化司法所", "省级红旗支部村", "全市平安建设示范单位", "云岭市文明单位"}


def test_an_event_held_is_no_title() -> None:
    text = TOWN + "柳湾村上榜全市民俗文化精品线路、“青禾节”成功举办。\n"
    assert {h for _, h in awarded(text)} == {"全市民俗文化精品线路"}


def test_a_communitys_report_whose_title_names_none_speaks_for_the_community_its_body_opens_with() -> None:
    text = "社区精神文明建设情况汇报\n白鹭社区地处青石区东部，辖区面积1平方公里。社区近年荣获“湖南省充分就业示范社区”、“全省全民健身先进社区”等称号。\n"
    assert awarded(text) == {("白鹭社区", "湖南省充分就业示范社区"), ("白鹭社区", "全省全民健身先进社区")}


def test_also_won_this_honour_points_to_the_title_the_text_keeps_naming() -> None:
    text = TOWN + (
        "近日，省文明委公布新一届省级文明村镇名单，青石镇柳湾村榜上有名，荣获“省级文明村镇”称号。\n"
        "2016年云岭县产业发展“星级示范村”\n"
        "据悉，我市白沙镇、云岭县桃源乡石桥村和望城县茶山村也获此殊荣。\n"
    )
    assert {("白沙镇", "省级文明村镇"), ("石桥村", "省级文明村镇"), ("茶山村", "省级文明村镇")} <= awarded(text)
    assert not any(r in ("白沙镇", "石桥村", "茶山村") and h == "星级示范村" for r, h in awarded(text))


def test_a_comma_continues_with_titles_joined_by_yiji() -> None:
    text = TOWN + "柳湾村先后获得省级“百千万”美丽乡村示范点、省级民主法治示范村，云岭市特色田园乡村·美丽乡村集成示范试点以及云岭市平安示范村等称号。\n"
    assert {h for _, h in awarded(text)} >= {"省级民主法治示范村", "云岭市特色田园乡村·美丽乡村集成示范试点", "云岭市平安示范村"}


def test_the_own_units_party_committee_stands_for_the_township() -> None:
    text = "青石街道2020年工作总结\n街道党工委被评为市第三批“基层治理成绩突出的党组织”，街道被评为“云岭市防汛抗旱先进集体”。\n"
    assert {r for r, _ in awarded(text)} == {"青石街道"}

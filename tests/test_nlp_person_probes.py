"""How real reports from other provinces name people, on fictional sentences: each test
failed before the rule or word list it covers."""

from __future__ import annotations

from tests.test_nlp_generalise import found


def people(text: str) -> set[str]:
    return set(found(text, "Person"))


def test_signature_line_with_spread_characters() -> None:
    assert "陈立" in people("青石镇人民政府镇长    陈 立\n\n各位代表：")
    assert "秦晓蕾" in people("镇  长  秦  晓 蕾\n\n各位代表：")


def test_rare_surname_after_role() -> None:
    assert "羊春生" in people("青石镇人民政府镇长羊春生\n\n在青石镇第十届人民代表大会上")


def test_name_before_ordinary_verbs_after_role() -> None:
    text = "村支书王德贵带领群众修路。网格员陈小燕每天巡查。种植大户李四海流转土地300亩。挂点领导周文斌多次到村指导。"
    assert people(text) >= {"王德贵", "陈小燕", "李四海", "周文斌"}


def test_three_character_name_whose_last_character_starts_a_word() -> None:
    names = people("镇党委书记马俊杰作动员讲话。镇纪委书记彭丽华通报了情况。")
    assert names >= {"马俊杰", "彭丽华"} and not names & {"马俊", "彭丽"}


def test_name_opening_a_report_or_after_a_village_before_an_award() -> None:
    assert "张秀兰" in people("张秀兰荣获“全国三八红旗手”称号。")
    assert "王德明" in people("柳湾村王德明被授予“市级劳动模范”称号。")


def test_name_opening_a_sentence_before_speech() -> None:
    assert "张建华" in people("张建华主持会议并讲话。")


def test_list_after_a_heading_colon() -> None:
    assert people("先进个人：张伟、李娜、王芳、刘洋") >= {"张伟", "李娜", "王芳", "刘洋"}
    assert people("优秀村干部：王建军（柳湾村）、李国富（青禾村）") >= {"王建军", "李国富"}


def test_list_before_a_count_of_people() -> None:
    assert people("表彰了陈明亮、赵丽娟等10名优秀共产党员。") >= {"陈明亮", "赵丽娟"}


def test_people_in_quoted_speech_and_stories() -> None:
    assert "张大山" in people("村民张大山说：“现在日子越过越好了。”")
    assert "刘桂英" in people("“以前路难走，现在方便多了。”村民刘桂英笑着说。")
    assert "王小虎" in people("返乡创业青年王小虎创办了云帆合作社。")


def test_credit_lines() -> None:
    assert people("（撰稿人：冯小雨 审核人：陈志华）") >= {"冯小雨", "陈志华"}
    assert people("文/孙丽 图/张强") >= {"孙丽", "张强"}


def test_name_and_gender_columns() -> None:
    assert people("姓名 性别 职务\n张建国 男 党委书记\n李秀英 女 镇长") >= {"张建国", "李秀英"}


def test_table_name_column() -> None:
    text = "序号 姓名 所在村 荣誉\n1 王大明 柳湾村 优秀党员\n2 刘小红 青禾村 好媳妇"
    assert people(text) >= {"王大明", "刘小红"}


def test_name_broken_across_lines() -> None:
    names = people("柳湾村党支部书记顾\n瑞利荣获“全国脱贫攻坚先进个人”称号。")
    assert "顾瑞利" in names and "瑞利" not in names


def test_no_words_after_roles_or_counts() -> None:
    text = (
        "来自各方面的36名人大代表列席。居民文明素养逐步提高。本人履行书记和抓党建第一责任。"
        "群众安全感和满意度稳步提高。青石镇第九届人民代表大会。"
    )
    assert people(text) == set()


def test_no_words_after_weak_roles() -> None:
    text = "村民高兴地说，日子好了。网格员上门服务，志愿者陈列展品。青年突击队，青年文明号。"
    assert people(text) == set()


def test_last_list_mate_before_a_verb() -> None:
    assert people("镇领导王海、李明陪同调研。") >= {"王海", "李明"}


def test_list_after_a_preposition_or_before_a_group() -> None:
    assert people("向刘永红、黄秀芳等同志颁发荣誉证书。") >= {"刘永红", "黄秀芳"}
    assert people("涌现出了胡德林、熊桂花等一批先进典型。") >= {"胡德林", "熊桂花"}
    assert "张三丰" in people("由张三丰等人组成工作专班。")


def test_sender_in_brackets_and_more_credit_words() -> None:
    assert "唐晓红" in people("（青石镇人民政府 唐晓红）")
    assert "陈红" in people("上报：党政办 报送人：陈红")
    assert "黄晓明" in people("信息来源：青石镇 撰写人：黄晓明")


def test_name_after_a_unit_before_an_award() -> None:
    assert "孙德胜" in people("镇卫生院孙德胜获得“最美基层医生”称号。")


def test_households_and_leaders_of_village_stories() -> None:
    assert "蒋大伟" in people("脱贫户蒋大伟依靠养牛实现增收。")
    assert "贺文斌" in people("致富带头人贺文斌带动30户农户增收。")
    assert "潘金凤" in people("“多亏了党的好政策。”脱贫户潘金凤激动地说。")


def test_who_reports_or_answers_before_a_colon() -> None:
    assert "刘文涛" in people("述职人：刘文涛")
    assert "曾德明" in people("责任人：曾德明 联系电话：13800000000")
    assert "孙立军" in people("负责人 姓名：孙立军")


def test_group_members_in_brackets_and_a_note_after_a_role() -> None:
    assert people("领导小组（组长：田志勇，副组长：吴立、夏雪）") >= {"田志勇", "吴立", "夏雪"}
    assert "李德胜" in people("村党支部书记(村委会主任)李德胜带领群众")


def test_list_line_of_a_name_and_its_post() -> None:
    text = "附件：先进个人名单\n张晓峰  柳湾村党支部书记\n李桂兰  青禾村妇联主席"
    assert people(text) >= {"张晓峰", "李桂兰"}


def test_name_before_its_post_after_a_preposition() -> None:
    assert "张国华" in people("在张国华书记的带领下，全镇上下团结一致。")
    assert "刘海洋" in people("由刘海洋主任负责协调。")


def test_appointments_and_introductions() -> None:
    assert "赵志红" in people("经研究，任命赵志红为青石镇副镇长。")
    assert "黄海波" in people("黄海波任柳湾村党支部书记。")
    assert "范秀珍" in people("她叫范秀珍，是柳湾村的一名网格员。")


def test_name_after_a_quoted_title_for_a_person() -> None:
    text = "全镇涌现出“最美村干部”田志国、“致富能手”欧阳春等先进典型。柳湾村“好媳妇”张翠花的故事传为佳话。"
    assert people(text) >= {"田志国", "欧阳春", "张翠花"}


def test_age_after_a_name() -> None:
    assert "郑开泰" in people("老党员郑开泰今年已经82岁了。")


def test_no_word_opening_with_a_surname_character_before_a_post() -> None:
    text = "任命为副镇长。在全镇书记大会上作报告。开展“最美党员”评选活动，实施“党员”积分管理。叫响“青石”品牌。"
    assert people(text) == set()


def test_no_short_word_after_village_roles_or_idioms() -> None:
    text = "村民高兴，村民何乐而不为。网格员常态化巡查。组长单位牵头，医生严格执行制度。"
    assert people(text) == set()


def test_every_name_of_a_credit() -> None:
    assert people("本报讯（通讯员：张三丰 李小龙）近日，青石镇召开会议。") >= {"张三丰", "李小龙"}
    assert people("通讯员 赵文静 王丽 报道") >= {"赵文静", "王丽"}
    assert people("记者 孙小明 实习生 钱多多") >= {"孙小明", "钱多多"}


def test_senders_in_brackets_closing_a_news_item() -> None:
    assert people("青石镇开展消防演练。（刘海燕 杨帆）") >= {"刘海燕", "杨帆"}
    assert people("青石镇开展消防演练。（青石镇 刘海燕）\n") >= {"刘海燕"}
    assert people("青石镇开展消防演练。（图为演练现场）") == set()


def test_photo_position_after_a_name_and_members_of_a_group() -> None:
    assert "胡志军" in people("图为镇党委书记胡志军（左二）在现场查看。")
    assert people("成员：邱志远、侯晓燕、邵明、龚雪梅") >= {"邱志远", "侯晓燕", "邵明", "龚雪梅"}


def test_historical_figures_a_town_brands_its_culture_on() -> None:
    assert "苏东坡" in people("立足苏东坡文化品牌影响力，打造诗词小镇。")
    assert people("屈原管理区、鲁迅路改造完成。") == set()


def test_names_of_minority_areas() -> None:
    assert "扎西顿珠" in people("村党支部书记扎西顿珠带领群众发展牦牛养殖。")
    assert "次仁卓玛" in people("村委会主任次仁卓玛介绍了情况。")
    assert "阿卜杜拉·艾买提" in people("村民阿卜杜拉·艾买提种植核桃。")
    assert "巴特尔" in people("嘎查长巴特尔带领牧民。")


def test_masked_names_are_nobody() -> None:
    assert people("村民张某某反映情况。镇长李某带队检查。网格员王XX每天巡查。书记陈某某同志") == set()


def test_signature_line_joined_to_the_next() -> None:
    assert "龚晓峰" in people("会议上青石镇人民政府镇长 龚 晓 峰各位代表：\n现在，我代表镇人民政府报告工作。")
    assert "龚晓峰" in people("镇长 龚 晓 峰（2024年1月5日）")


def test_given_name_that_is_also_a_place_name() -> None:
    assert "戚德福" in people("退休老党员戚德福义务宣讲60余场。")


def test_winners_and_figures_of_a_story() -> None:
    assert "周秀兰" in people("感动青石十大人物周秀兰。")
    assert people("青石镇举办表彰大会，为获奖者陈建国、刘晓红颁奖。") >= {"陈建国", "刘晓红"}
    assert people("镇领导王海、李明") >= {"王海", "李明"}


def test_no_word_after_generic_list_words() -> None:
    assert people("个人荣誉，个人林权，成员常态化履职，人物专访，获奖者名单公布。") == set()


def test_cadre_jargon_opening_with_a_surname_character() -> None:
    assert people("建立镇领导包保联系企业制度，网格员包片负责。") == set()


def test_no_product_of_a_village_before_an_award() -> None:
    text = "柳湾村杨梅荣获省级金奖。青禾村龙虾获评“省级名牌产品”。柳湾村冷水鱼获评名优产品。全镇产业发展，杨梅荣获金奖。"
    assert people(text) == set()
    assert "王德明" in people("柳湾村王德明被授予“市级劳动模范”称号。")


def test_name_before_words_of_an_inspection() -> None:
    assert "钱学军" in people("县委书记钱学军实地察看项目进展。")
    assert "胡建明" in people("镇党委书记胡建明随后主持召开座谈会。")
    names = people("镇长周明等领导参加。")
    assert "周明" in names and "周明等" not in names


def test_speaker_of_a_duty_report() -> None:
    assert "杨文斌" in people("本人杨文斌，现任青石镇党委副书记。")
    assert people("本人任职以来，认真履行职责。本人严格要求自己。本人全年参加学习36次。") == set()


def test_table_rows_under_a_name_header_without_numbers() -> None:
    assert people("姓名\t职务\t联系电话\n卢建平\t党委书记\t13800000001\n范小丽\t网格员\t13800000002\n") >= {"卢建平", "范小丽"}
    assert people("| 姓名 | 职务 |\n| 卢建平 | 党委书记 |\n") >= {"卢建平"}
    assert people("姓名 职务\n高标准 严要求\n") == set()


def test_names_on_the_line_under_a_heading() -> None:
    assert people("二、先进个人\n邵建国、温晓丽、严志刚\n三、先进集体") >= {"邵建国", "温晓丽", "严志刚"}
    assert people("二、干部队伍\n高标准、严要求、快节奏\n") == set()


def test_national_leaders_are_not_the_report_s_people() -> None:
    assert people("认真学习王沪宁同志讲话精神，赵乐际同志出席。") == set()


def test_name_before_its_post_after_a_conjunction_or_thanks() -> None:
    names = people("镇党委书记王强和刘建国镇长共同为基地揭牌。感谢周海波主任对我镇工作的支持。")
    assert names >= {"王强", "刘建国", "周海波"} and "王强和" not in names
    assert "张国华" in people("陪同张国华书记调研的还有镇长李明。")


def test_given_name_ending_like_a_following_word() -> None:
    assert "陈福来" in people("村民陈福来到镇里领奖。")
    assert "柯永一" in people("调解室负责人柯永一同志荣获省级优秀调解员称号。")


def test_given_name_of_a_generation_jieba_lists_as_a_place() -> None:
    assert "江建国" in people("镇党委书记江建国主持会议。")
    assert "马鞍山" not in people("村民马鞍山")


def test_names_opening_with_a_rare_dictionary_entry() -> None:
    assert "何国华" in people("镇长何国华主持会议。")
    assert "任命为" not in people("镇长任命为期三年。")


def test_credit_name_before_its_unit_in_brackets() -> None:
    assert "褚明华" in people("帮扶责任人：褚明华（镇农办）")


def test_credit_closed_up_by_cleaning() -> None:
    """Cleaning drops the spaces of a credit inside a line of prose: the names run together."""
    names = people("本报讯（记者林晓燕通讯员郭明远彭子涵）3月2日，青石镇召开大会。")
    assert names >= {"林晓燕", "郭明远", "彭子涵"}
    assert people("青石镇将继续推进此项工作。（柳州市罗文斌）") >= {"罗文斌"}
    assert people("青石镇将继续推进此项工作。（韦家乐覃秋月）") >= {"韦家乐", "覃秋月"}
    assert people("青石镇将继续推进此项工作。（青石镇宣传办罗文斌）") >= {"罗文斌"}


def test_cadre_ranks_and_posts_before_a_name() -> None:
    assert "秦素英" in people("县人大常委会二级调研员秦素英出席会议。")
    assert "潘雨桐" in people("大学生村官潘雨桐利用直播帮助村民销售农产品。")
    assert people("柳湾村“两委”班子成员黄永红、李建平、周丽参加。") >= {"黄永红", "李建平", "周丽"}


def test_prize_winners_after_each_prize() -> None:
    names = people("获奖名单如下：一等奖：韩立新（柳湾村）；二等奖：蒋红梅（石桥村）、许卫东（青禾村）。")
    assert names >= {"韩立新", "蒋红梅", "许卫东"}


def test_list_closing_on_a_name_before_an_award_verb() -> None:
    assert people("石桥村的黎秀英、梁秋菊荣获“好媳妇”称号。") >= {"黎秀英", "梁秋菊"}
    assert not people("柳湾村、石桥村荣获“文明村”称号。青禾科技、云帆公司荣获奖励。")


def test_list_mate_opening_with_a_word_between_names() -> None:
    names = people("对韦长中、吴春华、王朝国、李本清等18名新乡贤进行了表彰。")
    assert names >= {"韦长中", "吴春华", "王朝国", "李本清"}


def test_head_of_a_sumu_is_no_name() -> None:
    assert "苏木达" not in people("成立由主管苏木达带队的防疫工作队。")


def test_numbered_list_line_of_a_name_and_a_post() -> None:
    text = "先进个人名单：\n1.韩存忠:青石镇柳湾村党总支书记\n2.马 欣:青石镇石桥社区党支部书记\n3.邓 婕:柳湾村委会主任\n"
    assert people(text) >= {"韩存忠", "马欣", "邓婕"}
    assert not people("重点工作：\n1.黄金茶：柳湾村种植户扩种300亩\n2.李家冲：完成道路硬化\n")


def test_couple_after_a_role_and_a_name_after_you() -> None:
    assert people("柳湾村的致富能手韩志刚、罗秀英夫妇带动乡邻增收。") >= {"韩志刚", "罗秀英"}
    assert "韩志刚" in people("成立工作专班，由韩志刚担任组长，罗秀英担任副组长。")


def test_signature_line_with_a_colon() -> None:
    assert "覃明" in people("青石镇人民政府\n镇长：覃 明\n")


def test_dotted_names_wherever_they_stand() -> None:
    text = "努尔古丽·阿不都热依木正在打扫新家。孜瓦热木·卡米力是建档立卡户。最让阿吾提·依民满意的是暖气。"
    assert people(text) >= {"努尔古丽·阿不都热依木", "孜瓦热木·卡米力", "阿吾提·依民"}
    assert people("村民吐鲁洪·克然木说：“日子好了。”") == {"吐鲁洪·克然木"}
    assert not people("围绕建设“康养福地·生态青石”目标，打造承世·杨家善庄。")


def test_award_list_lines_naming_the_people_of_a_place() -> None:
    text = "优秀共产党员：\n柳湾村：韩志刚、罗秀英\n石桥村：马德福\n枫林社区：覃小燕。\n"
    assert people(text) >= {"韩志刚", "罗秀英", "马德福", "覃小燕"}
    assert not people("柳湾村：完成道路硬化3公里。\n石桥村：李家湾、王家坪\n柳湾村：黄金茶\n")


def test_news_phrasings_around_a_name() -> None:
    assert "罗秀英" in people("今年62岁的罗秀英是石桥村有名的“好婆婆”。")
    assert "韩志刚" in people("韩志刚，青石镇柳湾村人，2018年返乡创业。")
    assert "韩志刚" in people("在韩志刚的带动下，全村发展养蜂300箱。")
    assert not people("在党委的带动下，全村发展。今年62岁的老党员坚持巡逻。目前，全镇共有党员1200人。")


def test_lists_headed_by_a_title_or_writing_the_village_first() -> None:
    assert people("“十佳村医”：韩志刚、罗秀英、马德福") >= {"韩志刚", "罗秀英", "马德福"}
    assert people("好媳妇：韩志刚、罗秀英；好婆婆：马德福、覃小燕。") >= {"韩志刚", "罗秀英", "马德福", "覃小燕"}
    assert people("先进工作者：柳湾村韩志刚、石桥村罗秀英、枫林村马德福") >= {"韩志刚", "罗秀英", "马德福"}
    assert not people("先进集体：柳湾村、石桥社区党支部。优秀个人：柳湾村委会、石桥村民。")


def test_closed_up_credit_name_that_is_a_word() -> None:
    assert people("本报讯（记者韩晓雯通讯员秦川）9月9日，青石镇召开大会。") >= {"韩晓雯", "秦川"}


def test_prize_after_a_unit_and_a_count_after_a_post() -> None:
    assert "张伟" in people("柳湾社区张伟获优秀奖，石桥社区网格员罗小燕获个人二等奖。")
    assert "吴涛" in people("镇综治中心工作人员吴涛3人榜上有名。")
    assert "王子涵" in people("青石镇中心学校学生王子涵在全国青少年科技创新大赛中荣获一等奖。")
    assert not people("柳湾村民宿获评优秀奖。社区党员获一等奖。工作人员3人次参加。学生3人获奖。柳湾村杨梅获金奖。")


def test_undotted_mongolian_names_after_a_role() -> None:
    text = "嘎查党支部书记斯琴高娃介绍，园区带动牧户增收。“价格高了三成。”嘎查牧民额尔敦巴特尔笑着说。"
    assert people(text) >= {"斯琴高娃", "额尔敦巴特尔"}
    assert people("书记高度重视。主任日常巡查。村民阿拉木图说。") == set()


def test_places_counted_after_a_list_and_a_name_before_its_title() -> None:
    assert not people("全乡完成晏岗、大栗树、郑堂等12个村人居环境整治。")
    assert "符国庆" in people("（5）铁坡村村医符国庆：湖南省优秀乡村医生；")


def test_a_conjunction_before_a_frequent_word_is_no_person() -> None:
    text = "依靠全乡干部和群众，恳请各位代表和各位委员审议，和晓川同志作说明。"
    names = set(found(text, "Person"))
    assert not names & {"和群众", "和各位"}
    assert "和晓川" in names


def test_senders_closed_up_before_baodao_in_a_closing_bracket() -> None:
    assert people("力争完成产业发展规划。(卢红军刘骞报道)") == {"卢红军", "刘骞"}
    assert people("据新华社报道，全镇完成任务。") == set()


def test_a_three_character_name_before_zhengzai() -> None:
    assert "柯东平" in people("柳湾村党支部书记柯东平正在汇报村里的变化。")
    assert "王明" in people("镇长王明全年走访企业50家。")


def test_a_name_between_a_school_or_society_and_its_post() -> None:
    assert people("请县委党校卞青副院长等专家辅导，县民俗研究会闵川书记出席。") == {"卞青", "闵川"}


def test_a_photo_credit_after_a_caption() -> None:
    assert people("茶园采摘一角。邝立伟 摄\n产业发展提质增效。") == {"邝立伟"}
    assert people("茶园采摘。邝立伟摄产业发展提质增效。") == {"邝立伟"}
    assert people("全镇拍摄宣传片。王明摄影作品获奖。") == set()


def test_the_speaker_after_the_government_that_reports() -> None:
    assert people("在大会第三次会议上\n青石镇人民政府 滕志远\n各位代表：现在我代表镇人民政府作报告。") == {"滕志远"}
    assert people("青石镇人民政府 2023年12月") == set()


def test_the_speaker_before_ge_wei_dai_biao() -> None:
    assert people("在某乡人代会第二次会议上 詹晓峰 各位代表：现在我代表乡人民政府作报告。") == {"詹晓峰"}


def test_a_photo_credit_run_into_its_caption_ends_where_a_place_begins() -> None:
    text = "茶叶丰收。云岭日报通讯员汤建华浏阳市柳溪乡茶农在采茶。村一景。通讯员汤文宁乡县青山镇风光。"
    assert people(text) == {"汤建华", "汤文"}

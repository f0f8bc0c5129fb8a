"""Cleaning steps, one by one and together; all text here is invented."""

from extract.clean import (
    clean,
    close_spaced_han,
    collapse_spaces,
    drop_boilerplate_lines,
    drop_debris,
    fold_fullwidth,
    fold_radicals,
    join_hard_wrapped,
    normalise_line_endings,
    strip_zero_width,
)


def test_line_endings_become_newlines():
    assert normalise_line_endings("甲\r\n乙\r丙\u2029丁\x0c戊") == "甲\n乙\n丙\n丁\n戊"


def test_zero_width_and_control_characters_are_removed():
    assert strip_zero_width("青\u200b禾\ufeff镇\u200d\x07") == "青禾镇"


def test_converter_debris_is_removed():
    text = "[bookmark: _GoBack]##paidbegin##新建道路3公里。[image: 图1 现场照片]##paidend##"
    assert drop_debris(text) == "新建道路3公里。"


def test_spaces_collapse_and_indents_go():
    assert collapse_spaces("\u3000\u3000全年  完成\u00a0 投资。  ") == "全年 完成 投资。"
    assert collapse_spaces("指标 \t 单位\t\t完成") == "指标\t单位\t完成"
    assert collapse_spaces("甲\u3000\u3000\u3000乙") == "甲\u3000乙"


def test_web_furniture_lines_are_dropped_but_sentences_stay():
    text = "\n".join(
        [
            "发布时间：2024-01-05 来源：党政办 浏览次数：88",
            "扫一扫在手机打开当前页",
            "【打印】【关闭】",
            "分享到：微信 微博",
            "湘ICP备00000000号-1",
            "来源：青禾镇人民政府",
            "全年接待游客来源地覆盖12个省份，发布时间较往年提前。",
        ]
    )
    assert drop_boilerplate_lines(text) == "全年接待游客来源地覆盖12个省份，发布时间较往年提前。"


def test_pdf_radicals_fold_to_ideographs():
    assert fold_radicals("⻘⽲镇⼈⺠政府") == "青禾镇人民政府"


def test_clean_runs_every_step_and_keeps_paragraph_breaks():
    raw = "\ufeff青禾镇2023年工作总结\r\n\r\n\u3000\u3000一、主要成绩\u200b\r\n[bookmark: _GoBack]全年新建道路3公里。\r\n\r\n"
    assert clean(raw) == "青禾镇2023年工作总结\n一、主要成绩\n全年新建道路3公里。"


def test_clean_composes_characters():
    assert clean("e\u0301") == "\u00e9"


def test_lines_broken_inside_a_sentence_are_joined_and_page_numbers_dropped():
    text = (
        "青溪镇2024年工作总结\n一、经济发展\n桃源村荣获“全国民主法治示\n范村”称号。引进远舟光电、\n青禾食品等企业。\n"
        "全年完成固定资产投资12亿元\n柳溪村完成道路硬化。\n"
        "— 3 —\n——在青溪镇二届人大四次会议上\n青溪镇人民政府镇长 王明\n"
    )
    lines = clean(text).split("\n")
    assert "桃源村荣获“全国民主法治示范村”称号。引进远舟光电、青禾食品等企业。" in lines
    assert "全年完成固定资产投资12亿元" in lines  # may be a list item that ended: kept a line
    assert "— 3 —" not in lines
    assert lines[:2] == ["青溪镇2024年工作总结", "一、经济发展"]
    assert "青溪镇人民政府镇长 王明" in lines


WRAPPED = (
    "青石镇2023年工作总结\n"
    "一、主要成绩\n"
    "今年以来，青石镇党委政府在县委县政府指导下，团结带领全镇上下的干\n"
    "部群众，聚焦高质量发展，全镇完成地区生产总值12.5亿元，较上年增6.\n"
    "2%。我镇荣获省级生态文明示范乡镇称号，柳湾村获评全国文明村，枫林\n"
    "村被评为省级森林乡村。引进云帆科技有限公司、青禾食品有限公司等企\n"
    "业5家，实施柳湾村田园综合体项目、枫林村农产品冷链物流中心项目，完\n"
    "成投资3.2亿元。\n"
    "二、存在问题\n"
    "产业结构不优，发展后劲不足。"
)


def test_a_text_wrapped_at_a_fixed_width_is_joined_back_into_paragraphs() -> None:
    lines = join_hard_wrapped(WRAPPED).split("\n")
    assert lines[0] == "青石镇2023年工作总结" and lines[1] == "一、主要成绩"
    assert lines[2].startswith("今年以来") and lines[2].endswith("完成投资3.2亿元。")
    assert "枫林村被评为" in lines[2] and lines[3] == "二、存在问题"


def test_headings_of_one_length_are_not_a_wrapped_text() -> None:
    text = "\n".join(
        ["青石镇2023年工作总结"]
        + [f"（{n}）聚焦重点任务推动工作提质增效见实效{n}" for n in "一二三四五六"]
        + ["全年完成各项工作任务。"] * 6
    )
    assert join_hard_wrapped(text) == text


def test_table_rows_are_not_a_wrapped_text() -> None:
    rows = [f"{n}\t全市人居环境整治先进村\t柳湾村\t市委市政府\t2023.12" for n in range(1, 8)]
    text = "\n".join(["青石镇2023年工作总结", "序号\t荣誉名称\t获奖单位\t授予单位\t时间", *rows])
    assert join_hard_wrapped(text) == text


def test_full_width_digits_and_letters_become_ascii() -> None:
    assert fold_fullwidth("２０２３年完成１２．５亿元，增长６．２％，创建国家ＡＡＡＡ级景区（一）") == "2023年完成12.5亿元，增长6.2%，创建国家AAAA级景区（一）"


def test_spaces_between_chinese_characters_are_closed_up_in_prose() -> None:
    text = "枫 林 村 完 成 改 造 ， 投 资 5 0 0 万 元 。\n实施柳湾村 田园综合体项目，获评“五好”乡 镇党委。\n柳湾村 枫林村 桃源村\n序号 项目名称 投资"
    assert close_spaced_han(text).split("\n") == [
        "枫林村完成改造，投资500万元。", "实施柳湾村田园综合体项目，获评“五好”乡镇党委。", "柳湾村 枫林村 桃源村", "序号 项目名称 投资",
    ]


def test_a_prose_line_that_stops_without_a_sentence_end_runs_on() -> None:
    text = "柳湾村被评为“省级美丽乡村精品村”，并入选全国乡村旅游重\n点村名单。\n二、存在问题\n产业结构不优。"
    assert clean(text).split("\n") == ["柳湾村被评为“省级美丽乡村精品村”，并入选全国乡村旅游重点村名单。", "二、存在问题", "产业结构不优。"]


def test_a_space_inside_the_title_is_closed_up_but_not_in_a_byline() -> None:
    assert clean("桃花 镇2021年工作总结\n正文。").startswith("桃花镇2021年工作总结")
    assert clean("本报记者 王明 通讯员 李华\n正文。").startswith("本报记者 王明 通讯员 李华")


def test_titles_opened_by_an_apostrophe_and_closed_by_an_opening_quote_are_mended() -> None:
    from extract.clean import mend_quotes

    assert mend_quotes("荣获'全国文明村镇“'省级卫生镇“等荣誉") == "荣获“全国文明村镇”“省级卫生镇”等荣誉"
    assert mend_quotes("It's a “好”地方") == "It's a “好”地方"

"""The section tree: heading styles, inline 一是 items, kinds, lookup by offset; invented text."""

from __future__ import annotations

from extract.sections import heading_paths, parse_sections, section_at, starts_heading, title_span

REPORT = "\n".join(
    [
        "青禾镇2023年工作总结及2024年工作计划",
        "2023年，青禾镇全年完成地区生产总值12.5亿元。",
        "一、2023年工作完成情况",
        "（一）经济运行稳中有进。全年新增市场主体260户。",
        "1.招商引资成效明显。签约项目9个。",
        "2.项目建设提速提效。实施重点项目21个。",
        "(二)乡村振兴全面推进",
        "一是粮食生产稳定，播种面积4.6万亩；二是集体经济增收，柳湾村收入突破80万元。",
        "（1）新建高标准农田3200亩。",
        "二、存在的问题和不足",
        "一是产业链条不长。二是要素保障不足。",
        "三、2024年工作计划",
        "（一）全力抓好项目建设",
        "计划实施重点项目12个。",
    ]
)


def _by_heading(sections, prefix):
    return next(s for s in sections if s.heading.startswith(prefix))


def test_headings_levels_and_parents():
    sections = parse_sections(REPORT)
    root = sections[0]
    assert (root.level, root.heading, root.parent, root.start, root.end) == (
        0, "青禾镇2023年工作总结及2024年工作计划", None, 0, len(REPORT)
    )
    first = _by_heading(sections, "一、")
    econ = _by_heading(sections, "（一）经济")
    item = _by_heading(sections, "1.")
    rural = _by_heading(sections, "(二)")
    numbered = _by_heading(sections, "（1）")
    plan = _by_heading(sections, "三、")
    assert (first.level, first.parent) == (1, 0)
    assert (econ.level, econ.parent) == (2, first.id)
    assert (item.level, item.parent) == (3, econ.id)
    assert (rural.level, rural.parent) == (2, first.id)
    assert (numbered.level, numbered.parent) == (3, rural.id)
    assert _by_heading(sections, "（一）全力").parent == plan.id
    assert [s.id for s in sections] == list(range(len(sections)))


def test_heading_is_cut_at_the_first_sentence_end():
    sections = parse_sections(REPORT)
    assert _by_heading(sections, "（一）经济").heading == "（一）经济运行稳中有进"
    assert _by_heading(sections, "1.").heading == "1.招商引资成效明显"


def test_offsets_span_heading_and_body():
    sections = parse_sections(REPORT)
    for section in sections[1:]:
        assert REPORT[section.start :].startswith(section.heading)
        assert section.start < section.end <= len(REPORT)
    first = _by_heading(sections, "一、")
    problems = _by_heading(sections, "二、")
    assert REPORT[first.start : first.end].endswith("（1）新建高标准农田3200亩。")
    assert first.end < problems.start


def test_inline_items_span_to_the_next_item_or_paragraph_end():
    sections = parse_sections(REPORT)
    items = [s for s in sections if s.level == 4]
    assert [s.heading for s in items] == ["一是粮食生产稳定", "二是集体经济增收", "一是产业链条不长", "二是要素保障不足"]
    grain, income = items[0], items[1]
    assert REPORT[grain.start : grain.end] == "一是粮食生产稳定，播种面积4.6万亩；"
    assert REPORT[income.start : income.end] == "二是集体经济增收，柳湾村收入突破80万元。"
    assert grain.parent == _by_heading(sections, "(二)").id


def test_kinds_from_headings_and_inheritance():
    sections = parse_sections(REPORT)
    kinds = {s.heading: s.kind for s in sections}
    assert sections[0].kind == "review"  # a summary's opening reviews the year
    assert kinds["一、2023年工作完成情况"] == "review"
    assert kinds["1.招商引资成效明显"] == "review"
    assert kinds["二、存在的问题和不足"] == "problem"
    assert kinds["一是产业链条不长"] == "problem"
    assert kinds["三、2024年工作计划"] == "plan"
    assert kinds["（一）全力抓好项目建设"] == "plan"


def test_next_year_heading_is_plan_and_deep_keywords_do_not_flip_kind():
    text = "\n".join(
        [
            "一、2022年主要成绩",
            "（一）聚焦群众急难问题，办好民生实事",
            "二、2023年重点工作",
            "三、下一步打算",
        ]
    )
    kinds = [s.kind for s in parse_sections(text)]
    assert kinds == ["review", "review", "review", "plan", "plan"]


def test_plan_only_report_and_untitled_report():
    plan = parse_sections("柳河乡2025年工作计划\n2025年是关键之年。\n一、抓好产业发展\n新建茶园1500亩。")
    assert [s.kind for s in plan] == ["plan", "plan"]
    untitled = parse_sections("过去一年，全镇上下团结奋进。\n一、主要做法\n二、其他事项")
    assert untitled[0].heading == ""
    assert [s.kind for s in untitled] == ["review", "review", "review"]


def test_a_compilation_without_report_title_reads_as_review_with_named_problems():
    sections = parse_sections("青禾镇乡村振兴工作汇编\n一、联系人名单\n二、存在的困难")
    assert sections[0].heading == ""
    assert [s.kind for s in sections] == ["review", "review", "problem"]


def test_section_at_returns_the_deepest_section():
    sections = parse_sections(REPORT)
    offset = REPORT.index("柳湾村收入")
    assert section_at(sections, offset).heading == "二是集体经济增收"
    assert section_at(sections, REPORT.index("签约项目9个")).heading == "1.招商引资成效明显"
    assert section_at(sections, 5) is sections[0]
    assert section_at(sections, len(REPORT) + 10) is None


def test_heading_path_leaves_out_the_title():
    sections = parse_sections(REPORT)
    item = section_at(sections, REPORT.index("柳湾村收入"))
    paths = heading_paths(sections)
    assert paths[item.id] == "一、2023年工作完成情况 / (二)乡村振兴全面推进 / 二是集体经济增收"
    assert paths[sections[0].id] == ""


def test_numbers_in_sentences_are_not_headings():
    assert not starts_heading("1.25亿元的投资已到位。")
    assert starts_heading("1、获全市先进单位称号。")
    assert starts_heading("十二、其他工作")
    sections = parse_sections("一、概况\n1.25亿元投入农业。\n2023年完成投资。")
    assert len(sections) == 2


def test_title_line_needs_to_name_a_report():
    assert title_span("青禾镇2023年工作总结\n正文") == (0, len("青禾镇2023年工作总结"))
    assert title_span("2023年，全镇完成投资5亿元。\n") is None
    assert title_span("一、工作开展情况\n") is None


def test_title_over_two_lines_when_the_first_only_names_the_author():
    text = "青禾镇人民政府\n关于2023年工作总结的报告\n一、主要成绩\n全镇新建道路3公里。"
    assert title_span(text) == (0, len("青禾镇人民政府\n关于2023年工作总结的报告"))
    sections = parse_sections(text)
    assert sections[0].heading == "青禾镇人民政府关于2023年工作总结的报告"
    assert [s.heading for s in sections[1:]] == ["一、主要成绩"]


def test_ascii_full_stop_ends_a_heading_but_not_its_marker():
    sections = parse_sections("一、主要成效\n1.产业帮扶持续深化.全年投入资金1120万元.\n(二)补齐短板.新建道路8.2公里.")
    assert [s.heading for s in sections[1:]] == ["一、主要成效", "1.产业帮扶持续深化", "(二)补齐短板"]

"""Tables flattened to text: the cells of named columns, row by row (fictional tables)."""

from __future__ import annotations

from extract.nlp.tables import column_rows


def test_rows_under_a_header_line_give_their_cells_by_column() -> None:
    text = "二、重点项目\n序号\t项目名称\t总投资\n1\t青禾智能装备制造\t3.5\n2\t远舟光电产业园\t2.0\n三、其他工作\n"
    rows = [{k: v.text for k, v in row.items()} for row in column_rows(text, frozenset({"项目名称"}))]
    assert rows == [
        {"序号": "1", "项目名称": "青禾智能装备制造", "总投资": "3.5"},
        {"序号": "2", "项目名称": "远舟光电产业园", "总投资": "2.0"},
    ]
    first = next(column_rows(text, frozenset({"项目名称"})))["项目名称"]
    assert text[first.start : first.end] == "青禾智能装备制造"


def test_pipes_separate_cells_and_a_line_without_a_row_number_ends_the_table() -> None:
    text = "序号 | 获奖单位 | 荣誉名称\n1 | 桃源村 | 全国文明村\n备注：以上为部分荣誉\n2 | 柳溪村 | 全省文明村\n"
    rows = list(column_rows(text, frozenset({"荣誉名称"})))
    assert [row["获奖单位"].text for row in rows] == ["桃源村"]
    assert not list(column_rows("项目名称\n1 青禾\n", frozenset({"项目名称"})))  # a header of one cell is no table


def test_a_header_cell_with_a_note_or_two_names_is_its_first_name() -> None:
    text = "序号 荣誉名称 获奖单位（个人） 授予单位\n1 全国文明村镇 青石镇 中央文明委\n"
    row = next(column_rows(text, frozenset({"荣誉名称"})))
    assert row["获奖单位"].text == "青石镇"
    text = "荣誉称号 获奖集体/个人\n1 省级卫生村 桃源村\n"
    assert next(column_rows(text, frozenset({"荣誉称号"})))["获奖集体"].text == "桃源村"


def test_a_markdown_table_without_row_numbers_runs_to_its_last_full_row() -> None:
    text = "| 获奖集体 | 荣誉称号 | 颁发机关 |\n|---|---|---|\n| 东坡社区 | 全国示范性老年友好型社区 | 国家卫健委 |\n| 桃源村 | 省级卫生村 | 省爱卫会 |\n以上荣誉来之不易。\n"
    rows = [row["荣誉称号"].text for row in column_rows(text, frozenset({"荣誉称号"}))]
    assert rows == ["全国示范性老年友好型社区", "省级卫生村"]

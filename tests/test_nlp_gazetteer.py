"""Townships, villages and communities from the national division table, scoped by the report's place."""

from __future__ import annotations

from extract.nlp.gazetteer import FAR, NEAR, NONE, OWN, gazetteer
from extract.nlp.pipeline import annotate, build_nlp


def places(text: str, place: tuple[str, str, str, str] = ("", "", "", ""), label: str = "Subdistrict") -> list[str]:
    doc = annotate(build_nlp(), text, place, disable=("govkg_tagger",))
    return [m.name for m in doc._.mentions if m.label == label]


def test_the_table_grades_a_name_by_the_reports_place_chain() -> None:
    table = gazetteer()
    assert len(table.towns) > 30_000 and len(table.villages) > 250_000
    assert table.scope("王哥庄街道", "山东省", "青岛市", "崂山区") == OWN
    assert table.scope("王哥庄街道", "山东省") == NEAR
    assert table.scope("王哥庄街道", "云南省") == FAR
    assert table.scope("全体镇") == NONE


def test_real_town_names_the_old_stop_characters_dropped_are_found() -> None:
    text = "永兴镇、复兴镇、大圩镇和新兴镇的干部参加培训。"
    assert set(places(text)) >= {"永兴镇", "复兴镇", "大圩镇", "新兴镇"}
    assert places("隆兴乡2023年工作总结\n全乡经济平稳。") == ["隆兴乡"]  # not in the table: the title backs it


def test_phrases_before_a_suffix_are_no_towns() -> None:
    text = "现将镇上半年工作总结如下。全体镇村干部参会，争创全国百强镇，主动对接街道各部门。"
    assert places(text) == []


def test_a_town_the_table_lacks_needs_the_report_to_back_it() -> None:
    assert places("推进白鹭湾镇产业发展。") == []
    assert places("白鹭湾镇2024年工作总结\n白鹭湾镇党委召开会议。") == ["白鹭湾镇", "白鹭湾镇"]


def test_the_table_sets_the_left_edge_of_a_village() -> None:
    own = ("陕西省", "西安市", "雁塔区", "")
    assert "小烟庄村" in places("推进项目小烟庄村拆迁。", own, "Village")


def test_ordinary_words_that_are_village_names_somewhere_stay_words() -> None:
    assert places("建成省级示范村3个，打造中心镇，推进城中村改造。", label="Village") == []


def test_a_report_speaking_for_its_town_names_no_town_daibiao() -> None:
    text = "青溪镇2024年政府工作报告\n各位代表：我代表镇人民政府向大会报告工作，坚持富民强镇。"
    assert places(text) == ["青溪镇"]

"""Place components on short made-up sentences."""

from __future__ import annotations

import pytest

from extract.nlp.pipeline import COMPONENTS, annotate, build_nlp


def rules(text: str):
    """The rule components alone (the candidates the tagger learns from), without the model."""
    return annotate(build_nlp(), text, disable=("govkg_tagger",))


def found(text: str, label: str) -> list[str]:
    return [m.name for m in rules(text)._.mentions if m.label == label]


def test_pipeline_order_is_one_list() -> None:
    nlp = build_nlp()
    assert tuple(nlp.pipe_names) == COMPONENTS
    assert nlp is build_nlp()  # built once per process


def test_full_and_short_admin_names() -> None:
    text = "湖南省浏阳市召开会议，湖南各地积极响应。"
    assert found(text, "Province") == ["湖南省", "湖南"]
    assert found(text, "District") == ["浏阳市"]


def test_short_city_inside_a_word_is_not_a_city() -> None:
    assert found("大力推广安全生产经验。", "City") == []


def test_region_opening_a_company_name_is_not_a_mention() -> None:
    doc = rules("引进湖南远舟电子科技有限公司。")
    assert [m.name for m in doc._.mentions if m.label == "Province" and not m.properties.get("nested")] == []


def test_villages_and_communities_by_suffix() -> None:
    text = "完成樟木村、白沙村道路硬化，桂湖社区新建活动室。"
    assert found(text, "Village") == ["樟木村", "白沙村"]
    assert found(text, "Community") == ["桂湖社区"]


def test_shared_suffix_list_expands() -> None:
    assert found("樟木、白沙、青石等村完成改厕。", "Village") == ["樟木村", "白沙村", "青石村"]


@pytest.mark.parametrize(
    "text",
    ["推进美丽乡村建设。", "全镇各村完成换届。", "争创省级示范村。", "城乡环境持续改善。", "XX村、某街道完成任务。"],
)
def test_generic_and_masked_places_are_not_names(text: str) -> None:
    assert found(text, "Village") + found(text, "Subdistrict") == []


def test_subdistrict_needs_a_proper_stem() -> None:
    assert found("溪口镇党委召开会议，深化街道改革。", "Subdistrict") == ["溪口镇"]


def test_street_short_form_only_when_the_report_uses_it() -> None:
    assert found("芙蓉街党工委部署工作。", "Subdistrict") == ["芙蓉街"]
    assert found("建成特色美食街一条。", "Subdistrict") == []


def test_natural_village_groups() -> None:
    assert found("樟木村枫树湾组修通道路。", "Village") == ["樟木村", "枫树湾组"]


def test_doc_keeps_the_input_text_and_token_offsets() -> None:
    text = "樟溪镇  2024年\t工作总结\n\n樟木村完成改厕。"
    doc = rules(text)
    assert doc.text == text == doc.user_data["govkg_text"]
    assert doc._.token_starts == [t.idx for t in doc]


def test_city_naming_a_metropolitan_region_is_no_city() -> None:
    assert found("融入长沙都市圈协同发展。", "City") == []
    assert found("长沙市开展活动。", "City") == ["长沙市"]


def test_village_stems_cut_at_the_last_joint_and_a_leading_preposition() -> None:
    assert found("实施樟木村至白沙村道路拓宽工程。", "Village") == ["樟木村", "白沙村"]
    assert found("以茶山村为核心发展茶旅。", "Village") == ["茶山村"]


def test_village_level_is_no_village() -> None:
    assert found("全面推行村级事务公开，镇级财政平稳。", "Village") == []


def test_natural_villages_of_the_north_and_south() -> None:
    assert found("靠山屯修建水泥路，哈日嘎查发展肉牛养殖。", "Village") == ["靠山屯", "哈日嘎查"]
    assert found("开展屯田教育，全镇各屯完成清理。", "Village") == []

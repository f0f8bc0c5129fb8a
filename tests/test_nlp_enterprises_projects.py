"""Enterprise and Project kinds of error (issue 11), on fictional sentences: each test
failed before the rule it covers."""

from __future__ import annotations

from extract.nlp.pipeline import annotate, build_nlp


def found(text: str, label: str) -> list[str]:
    doc = annotate(build_nlp(), text, disable=("govkg_tagger",))
    return [m.name for m in doc._.mentions if m.label == label]


def test_a_bank_branch_is_the_whole_name() -> None:
    text = "协调青川农商银行溪口支行为企业新增贷款，借助湖南省农村信用社桑榆县联社和桑榆农商银行洪溪支行发放贷款，重庆农商行柳溪支行青坪分理处新设网点。"
    names = set(found(text, "Enterprise"))
    assert {"湖南省农村信用社桑榆县联社", "桑榆农商银行洪溪支行", "重庆农商行柳溪支行青坪分理处"} <= names
    assert "桑榆农商银行" not in names


def test_family_farms_are_companies() -> None:
    assert "丰穗家庭农场" in found("丰穗家庭农场扩大种植规模。", "Enterprise")


def test_no_heading_number_before_a_company() -> None:
    names = found("（五）授予罗城农村商业银行青坛支行“金融助力乡村振兴先进单位”。", "Enterprise")
    assert "罗城农村商业银行青坛支行" in names


def test_a_place_and_its_acreage_open_a_project() -> None:
    text = "建成白碧村500亩生态茶园示范园，实施水观村500亩高标准农田项目。新建600亩虾稻共作基地。"
    names = found(text, "Project")
    assert {"白碧村500亩生态茶园示范园", "水观村500亩高标准农田项目", "虾稻共作基地"} <= set(names)


def test_short_names_before_deng_and_a_kind_of_firm() -> None:
    text = "成功引进瑞鸥、海芯、嘉乐、启澜等一批科技型企业。博安康、华瑞检测等医疗器械和检验检测企业落户。引进古韵、勐茗、冰岚等茶企。"
    names = set(found(text, "Enterprise"))
    assert {"启澜", "博安康", "华瑞检测", "冰岚"} <= names
    assert not any("等" in n for n in names)

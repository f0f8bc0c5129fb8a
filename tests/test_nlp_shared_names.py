"""The one definition each of township suffixes, company cores and legal forms (extract/nlp/names.py)."""

from __future__ import annotations

from extract.nlp.names import company_core, legal_form, strip_township, township_suffix


def test_township_suffix_is_the_longest_one() -> None:
    assert township_suffix("青石街道") == "街道"
    assert township_suffix("青石街") == "街"
    assert township_suffix("云岭乡") == "乡"
    assert township_suffix("溪岚镇") == "镇"
    assert township_suffix("红湖农场") == "农场"
    assert township_suffix("青石村") == ""


def test_strip_township_leaves_the_stem() -> None:
    assert strip_township("青石街道") == "青石"
    assert strip_township("云岭乡") == "云岭"
    assert strip_township("青石社区") == "青石社区"


def test_legal_form_is_the_longest_one() -> None:
    assert legal_form("远舟光电股份有限公司") == "股份有限公司"
    assert legal_form("远舟集团有限公司") == "集团有限公司"
    assert legal_form("青禾果蔬专业合作社") == "专业合作社"
    assert legal_form("远舟光电") == ""


def test_company_core_drops_legal_form_note_and_regions() -> None:
    assert company_core("湖南省湘潭市远舟光电科技有限公司") == "远舟光电科技"
    assert company_core("远舟物流(湘潭)有限公司") == "远舟物流"
    assert company_core("青禾集团") == "青禾"
    assert company_core("远舟光电") == "远舟光电"


def test_masked_names_have_one_definition() -> None:
    from extract.metadata.place import is_masked as masked_place
    from extract.nlp.names import is_masked, strip_mask

    assert is_masked("XX街道") and is_masked("某乡") and is_masked("青XX公司") and is_masked("X")
    assert not is_masked("青石街道") and not is_masked("")
    assert masked_place("X镇") and masked_place("某街道") and not masked_place("青石镇")
    assert strip_mask("xx街远舟项目") == ("远舟项目", 3)  # every township suffix ends a masked unit

"""The metadata reads the shared word lists of extract/nlp/data (fictional names)."""

from __future__ import annotations

from extract.metadata.divisions import zone_before
from extract.metadata.place import place_in_signature, place_in_title


def test_township_bodies_come_from_the_shared_list() -> None:
    assert place_in_signature(["青溪镇工委"]) == "青溪镇"
    assert place_in_title("青溪镇纪委2023年工作总结") == "青溪镇"


def test_township_suffixes_come_from_the_shared_list() -> None:
    assert place_in_title("红湖农场2023年工作总结") == "红湖农场"


def test_zone_suffixes_come_from_the_shared_list() -> None:
    assert zone_before("湘潭新区党工委", 2) == "湘潭新区"
    assert zone_before("湘潭高新区党工委", 2) == "湘潭高新区"


def test_self_reference_reads_every_township_suffix() -> None:
    from extract.metadata.place import place_in_body

    assert place_in_body("今年全镇完成任务。溪岚镇开展活动，溪岚镇获得表彰。") == "溪岚镇"
    assert place_in_body("今年全农场完成任务。红湖农场开展活动，红湖农场获得表彰。") == "红湖农场"

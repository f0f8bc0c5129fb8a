"""Probes of how township reports of many provinces write villages, communities and cities
(fictional names; real division names only where the table must know them)."""

from __future__ import annotations

from tests.test_nlp_generalise import found


def test_list_closed_by_liang_or_a_qualified_kind_shares_the_suffix() -> None:
    assert set(found("柳湾、枫林两个村获评文明村。", "Village")) == {"柳湾村", "枫林村"}
    assert set(found("柳湾、枫林、桃源等3个行政村实现通水。", "Village")) == {"柳湾村", "枫林村", "桃源村"}
    assert set(found("以青石村为核心，辐射带动枫林、桃源等周边村。", "Village")) >= {"枫林村", "桃源村"}


def test_list_joined_by_he_before_liang_cun() -> None:
    assert set(found("柳湾和枫林两村合并。", "Village")) == {"柳湾村", "枫林村"}


def test_list_of_gacha_and_tun_shares_the_suffix() -> None:
    assert set(found("宝力格、乌兰等嘎查完成草场确权。", "Village")) == {"宝力格嘎查", "乌兰嘎查"}

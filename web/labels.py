"""How each label looks, in one place for the explorer, legend, entity and report pages."""

from __future__ import annotations

from graph.model import LABELS

# colour, Cytoscape node shape; places share warm colours and round shapes.
LABEL_STYLE: dict[str, dict[str, str]] = {
    "Province": {"colour": "#b71c1c", "shape": "octagon"},
    "City": {"colour": "#e53935", "shape": "hexagon"},
    "District": {"colour": "#fb8c00", "shape": "pentagon"},
    "Subdistrict": {"colour": "#fdd835", "shape": "ellipse"},
    "Village": {"colour": "#9ccc65", "shape": "round-triangle"},
    "Community": {"colour": "#26a69a", "shape": "round-diamond"},
    "Project": {"colour": "#42a5f5", "shape": "round-rectangle"},
    "Enterprise": {"colour": "#5c6bc0", "shape": "rectangle"},
    "Honour": {"colour": "#ab47bc", "shape": "star"},
    "Person": {"colour": "#ec407a", "shape": "ellipse"},
    "Organization": {"colour": "#8d6e63", "shape": "barrel"},
    "Initiative": {"colour": "#26c6da", "shape": "tag"},
    "Indicator": {"colour": "#78909c", "shape": "vee"},
    "Report": {"colour": "#455a64", "shape": "cut-rectangle"},
}

assert set(LABELS) <= set(LABEL_STYLE), "every label needs a style"

# Chinese names shown beside the English label.
LABEL_NAMES: dict[str, str] = {
    "Province": "省",
    "City": "市",
    "District": "区县",
    "Subdistrict": "街道乡镇",
    "Village": "村",
    "Community": "社区",
    "Project": "项目",
    "Enterprise": "企业",
    "Honour": "荣誉",
    "Person": "人物",
    "Organization": "机构",
    "Initiative": "工作举措",
    "Indicator": "指标",
    "Report": "报告",
}

_BY_PREFIX = {label.lower(): label for label in LABELS}


def label_of_id(entity_id: str) -> str | None:
    """Entity ids start with the lower-cased label (graph.model.entity_id)."""
    return _BY_PREFIX.get(entity_id.split("-", 1)[0])


_SYNONYMS = {
    "街道": "Subdistrict", "乡镇": "Subdistrict", "镇": "Subdistrict", "乡": "Subdistrict",
    "区": "District", "县": "District", "公司": "Enterprise", "人": "Person", "举措": "Initiative",
}


def label_named(text: str) -> str | None:
    """The label a query names, in English (any case, plural too) or Chinese: "village",
    "Villages", "村" -> "Village"; None when the text names no label."""
    key = text.strip().casefold()
    if not key:
        return None
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    for label, chinese in LABEL_NAMES.items():
        if label == "Report":
            continue
        if key in (label.casefold(), label.casefold() + "s", chinese) or (
            label == "City" and key == "cities") or (label == "Community" and key == "communities"):
            return label
    return None

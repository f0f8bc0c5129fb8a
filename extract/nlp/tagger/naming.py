"""A tagged span's name as the guideline writes it: no quotes or spaces, ASCII brackets."""

from __future__ import annotations

_DROP = dict.fromkeys(map(ord, " \u3000\t\r\n“”\"'‘’《》「」『』〈〉"))
_BRACKETS = str.maketrans({"（": "(", "）": ")"})


def name_of(span_text: str) -> str:
    return span_text.translate(_DROP).translate(_BRACKETS)

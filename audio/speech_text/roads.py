"""Roads and kilometre posts as announcers read them: "QL1A" quốc lộ một a, "ĐT.741" đường tỉnh bảy trăm
bốn mươi mốt, "TL 10" tỉnh lộ mười, "Km1229+600" ki lô mét một nghìn hai trăm hai mươi chín cộng sáu trăm."""

from __future__ import annotations

from audio.speech_text.conventions import LETTER_NAMES
from audio.speech_text.numbers import read_cardinal

ROAD_KINDS = {"QL": "quốc lộ", "ĐT": "đường tỉnh", "TL": "tỉnh lộ", "ĐH": "đường huyện", "HL": "hương lộ"}
ROAD_RE = "|".join(ROAD_KINDS)
KM_RE = "Km|km|KM"


def read_road(kind: str, number: str, letter: str) -> str:
    """A road by its kind, number and letter of a branch ("QL14B" -> quốc lộ mười bốn bê)."""
    words = f"{ROAD_KINDS[kind]} {read_cardinal(int(number))}"
    return f"{words} {LETTER_NAMES[letter]}" if letter else words


def read_chainage(kilometres: str, metres: str | None) -> str:
    """A kilometre post; metres past it follow "cộng", none when they are zero ("Km808+00")."""
    words = f"ki lô mét {read_cardinal(int(kilometres))}"
    if metres and int(metres):
        words += f" cộng {read_cardinal(int(metres))}"
    return words

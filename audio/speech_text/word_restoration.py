"""Unaccented address labels split into known words before syllables, so each word keeps its own marks.

"phuloi.laichau.gov.vn" is the commune Phú Lợi, not "phú lời" (each syllable's commonest form); "canhan" is cá
nhân, "tinnhiemmang" tín nhiệm mạng. A label is cut into the fewest pieces drawn from the hand lists of web.py
and from the generated `word_table` (bulletin words, and place names where the label names a place: before a
province label or "gov", or after xã/phường/huyện…); on a tie the hand lists win, then place names, then words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import cache

from audio.speech_text.word_table import PLACES, WORDS

# A label opening with an administrative word names a place: "xaphuloi", "ubndphuongtanan".
_PLACE_OPENINGS = ("xa", "phuong", "huyen", "quan", "thitran", "thixa", "tinh", "ubnd")


def unaccented(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _keyed(entries: str) -> dict[str, str]:
    return {unaccented(entry).replace(" ", ""): entry for entry in entries.split("|") if entry}


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], int]:
    """Built at first use, not at import: the module holds only the accented forms."""
    places, words = _keyed("".join(PLACES)), _keyed("".join(WORDS))
    return places, words, max(map(len, [*places, *words]), default=0)


def split_words(word: str, pieces: Mapping[str, str], place: bool = False,
                generated: bool = True) -> tuple[str, ...] | None:
    """The readings of the fewest known pieces that make up `word`, or None. `pieces` are the hand lists;
    `generated=False` leaves the generated table out (the syllable rule alone, as the table's builder compares)."""
    places, words, longest = _tables() if generated else ({}, {}, 0)
    place = place or word.startswith(_PLACE_OPENINGS)
    # Thousands of place names match stretches of any label ("vanphong" Văn Phong): only a place label takes them.
    preferred, other = (places, words) if place else (words, {})
    longest = max(longest, max(map(len, pieces)))
    # best[i]: ((pieces, generated pieces of the less likely kind, generated pieces), readings) for word[:i]
    best: list[tuple[tuple[int, int, int], tuple[str, ...]] | None] = [((0, 0, 0), ())] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - longest), end):
            head = best[start]
            if head is None:
                continue
            piece = word[start:end]
            (count, unlikely, made), readings = head
            if piece in pieces:
                candidate = ((count + 1, unlikely, made), (*readings, pieces[piece]))
            elif piece in preferred:
                candidate = ((count + 1, unlikely, made + 1), (*readings, preferred[piece]))
            elif piece in other:
                candidate = ((count + 1, unlikely + 1, made + 1), (*readings, other[piece]))
            else:
                continue
            current = best[end]
            if current is None or candidate[0] < current[0]:
                best[end] = candidate
    found = best[-1]
    return found[1] if found else None

"""Unaccented address labels split into known words before syllables, so each word keeps its own marks.

"phuloi.laichau.gov.vn" is the commune Phú Lợi, not "phú lời" (each syllable's commonest form); "canhan" is cá
nhân, "tinnhiemmang" tín nhiệm mạng. A label is cut into the fewest pieces drawn from the hand lists of web.py
and from the generated `word_table` (bulletin words, and place names where the label names a place: before a
province label or "gov", or after xã/phường/huyện…); on a tie the hand lists win, then place names, then words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
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

    # cost: (pieces, generated pieces of the less likely kind, generated pieces); the smallest wins
    def price(piece: str) -> tuple[tuple[int, ...], str] | None:
        if piece in pieces:
            return (1, 0, 0), pieces[piece]
        if piece in preferred:
            return (1, 0, 1), preferred[piece]
        if piece in other:
            return (1, 1, 1), other[piece]
        return None

    return cheapest_split(word, longest, price, (0, 0, 0))


Cost = tuple[int, ...]


def cheapest_split(word: str, longest: int, price: Callable[[str], tuple[Cost, str] | None],
                   zero: Cost) -> tuple[str, ...] | None:
    """The readings of the pieces that make up `word` at the least total cost (costs add up element by element and
    compare as tuples; `price` answers None for a piece that cannot be one), or None if no split exists."""
    best: list[tuple[Cost, tuple[str, ...]] | None] = [(zero, ())] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - longest), end):
            head = best[start]
            priced = price(word[start:end]) if head is not None else None
            if head is None or priced is None:
                continue
            cost = tuple(a + b for a, b in zip(head[0], priced[0], strict=True))
            current = best[end]
            if current is None or cost < current[0]:
                best[end] = (cost, (*head[1], priced[1]))
    found = best[-1]
    return found[1] if found else None

"""Company names built on an English word ("Vingroup", "Sungroup"): the stem said as written, the word as loaned."""

from __future__ import annotations

import re

# "Vingroup" = vin gờ rúp (NEW-v14-2): a capitalised stem glued to "group" is a corporate group's name; the stem
# (Vin, Sun, Hoa Sen's "Hoasen") is said as written, "group" like the loan word alone (gờ rúp).
_GROUP_NAME = re.compile(r"(?<![\w.@/-])([A-Z][a-z]{1,10})[Gg]roup(?![\w.@/-])")


def read_brand_words(text: str) -> str:
    """Split a corporate group's one-word name into its stem and "gờ rúp"."""
    if "roup" not in text:
        return text
    return _GROUP_NAME.sub(lambda m: f"{m[1]} gờ rúp", text)

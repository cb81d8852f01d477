"""The font the PDFs embed: Noto Sans (SIL Open Font License 1.1), shipped by the
`fontpkg-noto-sans` wheel from PyPI, so Vietnamese diacritics render with nothing fetched at run time.

The wheel holds the variable font; fpdf2 embeds its default instance (Regular). Headings are set
larger rather than bold: cutting a bold instance takes fontTools ~6 s per process.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

FAMILY = "NotoSans"


def regular() -> Path:
    """The TTF file inside the installed package."""
    return Path(str(resources.files("fontpkg_noto_sans") / "files" / "NotoSans[wdth,wght].ttf"))

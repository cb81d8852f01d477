"""Build audio/speech_text/word_table.py: Vietnamese words and place names of two or more syllables, for
restoring the marks of an unaccented address label word by word ("phuloi" Phú Lợi, "canhan" cá nhân).

Two lists, each kept only where the syllable rule (web.py, syllable_table.COMMONEST) would read it otherwise:

- PLACES: the names of provinces, districts and communes/wards, before the 2025 merger (63 provinces, so the
  district and commune portals still online: muongang.dienbien.gov.vn) and after it (34 provinces). Source: the
  GSO administrative list as mirrored by github.com/thanglequoc/vietnamese-provinces-database (MIT licence;
  the names are public Vietnamese government data), json/vn_only_simplified_json_generated_data_vn_units*.json at
  commits fac63085 (March 2025) and cd580632 (July 2026). Gzipped copies and the licence are in
  bench/data/admin_units/ (pass another folder of the same .json.gz files as the first argument).
- WORDS: two-syllable sequences of bulletin text (the spoken column of the fixture sets and the seed corpus,
  never a blind set from v14 on, kept to check the result), seen at least three times within one clause,
  with one accented form for at least 80% of their sightings; not function words or unit names, and only pairs
  seen in at least 30% of their rarer syllable's sightings (three-syllable runs, and pairs below that, were mostly
  two words side by side), plus a few words by hand. No shippable word list was found: the public Vietnamese
  word lists are GPL (Hồ Ngọc Đức's, underthesea) or CC BY-SA (Wiktionary, FrequencyWords).

One unaccented form with several place names ("Phú Lợi", "Phù Lợi"): the name borne by most units, if it is at
least twice as frequent as the next, else none.

Run: .venv/bin/python -m bench.build_word_table [SOURCE_FOLDER]
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from audio.speech_text.web import _PIECES
from audio.speech_text.word_restoration import split_words
from bench.build_syllable_table import _SHAPE, unaccented

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "audio" / "fixtures"
OUTPUT = ROOT / "audio" / "speech_text" / "word_table.py"
SOURCES = Path(__file__).resolve().parent / "data" / "admin_units"
UNIT_FILES = ("vn_units_2025-03_fac63085.json", "vn_units_2026-07_cd580632.json")
# Blind sets from v14 on were written after the table was built: they check it and never feed it (so the
# table is the same whatever sets are added later, and their unseen figures stay honest).
FIRST_HELD_BACK = 14
_BLIND_NUMBER = re.compile(r"spoken_blind_v(\d+)")
_UNIT_TYPES = re.compile(r"^(?:Thành phố|Tỉnh|Quận|Huyện|Thị xã|Thị trấn|Phường|Xã|Đặc khu)\s+")
_WORD = re.compile(r"[^\W\d_]+")
_ADDRESS_ROW = re.compile(r"@|#\w|\.(?:vn|com|net|org)\b|www")
# Names of letters and signs, said when a code is spelled: never part of a word of the table.
# Numbers said in words are no address words either ("bảy mươi").
_SPELLING = frozenset("bê xê dê đê ép gờ hát pê quy ét tê vê ích kép còng chấm lờ mờ nờ rờ xờ en em ca một hai ba bốn"
                      " năm sáu bảy tám chín mười mươi lăm trăm nghìn ngàn tư mốt linh lẻ không phẩy".split())
# Words that mostly stand next to another word rather than inside one ("địa bàn phường" is no word "bàn phường"):
# function words and the names of administrative units.
_LOOSE = frozenset("của các và cho tại trên với những được là có đã sẽ đến từ theo này trong để về ra vào thì mà hoặc"
                   " hay nhưng khi đó nên cũng đều rất người xã phường huyện quận tỉnh thôn ấp bản tổ khu phố"
                   " thị trấn".split())
# Words of service sites and campaigns that bulletin text has too seldom to count (tinnhiemmang.vn).
EXTRA_WORDS = ("tín nhiệm", "lễ hội", "cá nhân", "doanh nghiệp", "công đoàn", "phụ nữ", "nông dân", "cựu chiến binh",
               "chữ thập đỏ", "người cao tuổi", "khuyến học", "tín dụng", "bảo hiểm", "thủ tục", "văn phòng")


def unit_names(folder: Path) -> Counter[str]:
    """Each unit's name without its type ("Xã Phú Lợi" -> "phú lợi"), counted over both lists."""
    names: Counter[str] = Counter()

    def add(full_name: str) -> None:
        name = _UNIT_TYPES.sub("", full_name).lower()
        if not re.search(r"\d", name):
            names[name] += 1

    for file_name in UNIT_FILES:
        with gzip.open(folder / f"{file_name}.gz", "rt", encoding="utf-8") as source:
            provinces = json.load(source)
        for province in provinces:
            add(province["FullName"])
            for district in province.get("District") or []:
                add(district["FullName"])
                for ward in district.get("Ward") or []:
                    add(ward["FullName"])
            for ward in province.get("Wards") or []:
                add(ward["FullName"])
    return names


def bulletin_clauses() -> list[str]:
    lines = (FIXTURES / "seed_corpus.txt").read_text(encoding="utf-8").splitlines()
    for path in sorted(FIXTURES.glob("spoken_*.tsv")):
        number = _BLIND_NUMBER.match(path.name)
        if number and int(number[1]) >= FIRST_HELD_BACK:
            continue
        for row in path.read_text(encoding="utf-8").splitlines():
            columns = row.split("\t")
            # rows that read an address or spell letters out say "chấm", "a còng", "gờ": no words of bulletin text
            if not row.startswith("#") and len(columns) >= 3 and not _ADDRESS_ROW.search(columns[1]):
                lines += columns[2].split(" | ")
    return [clause for line in lines for clause in re.split(r"[^\w\s]|\d", line.lower())]


def word_counts(clauses: list[str]) -> dict[str, Counter[str]]:
    """Two-syllable sequences by their unaccented form; a pair seen in under 30% of its rarer syllable's
    sightings is two words side by side ("dung liên" of "nội dung liên quan"), not one word, and is left out."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    singles = Counter(w for clause in clauses for w in _WORD.findall(clause))
    for clause in clauses:
        words = _WORD.findall(clause)
        for size in (2,):
            for start in range(len(words) - size + 1):
                sequence = words[start:start + size]
                if all(_SHAPE.fullmatch(unaccented(w)) and w not in _SPELLING and w not in _LOOSE for w in sequence):
                    counts["".join(unaccented(w) for w in sequence)][" ".join(sequence)] += 1
    return {key: Counter({form: number for form, number in forms.items()
                          if number >= 0.3 * min(singles[w] for w in form.split())})
            for key, forms in counts.items()}


def _syllable_reading(key: str) -> str:
    return " ".join(split_words(key, _PIECES, generated=False) or ())


def _valid(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and all(_SHAPE.fullmatch(unaccented(w)) for w in words)


def places(folder: Path) -> list[str]:
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for name, number in unit_names(folder).items():
        if _valid(name):
            by_key[unaccented(name).replace(" ", "")][name] += number
    kept = []
    for key, forms in by_key.items():
        (best, first), *rest = forms.most_common(2) + [("", 0)]
        if first >= 2 * rest[0][1] and best != _syllable_reading(key):
            kept.append(best)
    return sorted(kept)


def words() -> list[str]:
    kept = []
    for key, forms in word_counts(bulletin_clauses()).items():
        if not forms:
            continue
        best, number = forms.most_common(1)[0]
        total = sum(forms.values())
        if number >= 3 and number >= 0.8 * total and best != _syllable_reading(key):
            kept.append(best)
    kept += [word for word in EXTRA_WORDS if word != _syllable_reading(unaccented(word).replace(" ", ""))]
    return sorted(set(kept))


def _lines(name: str, entries: list[str]) -> list[str]:
    rows, row = [], ""
    for entry in entries:
        if len(row) + len(entry) > 104:
            rows.append(row)
            row = ""
        row += f"{entry}|"
    rows.append(row)
    return [f"{name} = (", *[f'    "{row}"' for row in rows], ")"]


def build(folder: Path) -> str:
    lines = ['"""Generated by bench/build_word_table.py (do not edit): place names and words of two or more syllables',
             "that the syllable rule would read with other marks, each as its accented form, '|'-separated.",
             "",
             "PLACES: names of Vietnamese provinces, districts and communes (GSO list, before and after the 2025",
             "merger), from github.com/thanglequoc/vietnamese-provinces-database, MIT licence, Copyright (c) 2021",
             "Thang Le Quoc; the names themselves are public government data.",
             "WORDS: two-syllable sequences of this repository's own bulletin text (fixtures, seed corpus),",
             "and a few by hand.",
             '"""', "", "from __future__ import annotations", ""]
    lines += _lines("PLACES", places(folder))
    lines += [""]
    lines += _lines("WORDS", words())
    return "\n".join(lines) + "\n"


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCES
    OUTPUT.write_text(build(folder), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

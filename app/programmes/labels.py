"""What a person reads for a programme item: its script's title, or the part it plays, in Vietnamese."""

from __future__ import annotations

from typing import Any

KIND_LABELS = {"opening": "Lời mở đầu", "closing": "Lời kết", "filler": "Nhạc nền", "silence": "Khoảng lặng",
               "gap": "Khoảng lặng", "alert": "Tín hiệu khẩn cấp", "script": "Tin bài",
               "relay": "Tiếp sóng"}


def item_label(item: dict[str, Any]) -> str:
    """A script's or recording's title; otherwise the Vietnamese name of the item's part."""
    kind = str(item.get("kind", ""))
    title = str(item.get("title") or "").strip()
    if kind == "filler" and title:
        return f"{KIND_LABELS['filler']}: {title}"
    return title or KIND_LABELS.get(kind, "Mục chương trình")

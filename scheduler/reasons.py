"""Reason codes of the planner's explanation, with Vietnamese and English texts."""

from __future__ import annotations

import enum


class Reason(enum.StrEnum):
    """Why a candidate was placed, moved or left out of a programme."""

    placed = "placed"
    topic_run = "topic_run"
    repeat_placed_late = "repeat_placed_late"
    expired = "expired"
    not_yet = "not_yet"
    airings_done = "airings_done"
    slot_not_allowed = "slot_not_allowed"
    area_not_targeted = "area_not_targeted"
    too_long = "too_long"
    does_not_fit = "does_not_fit"
    aired_today_spread = "aired_today_spread"
    same_slot_yesterday = "same_slot_yesterday"
    duplicate = "duplicate"
    not_an_occurrence = "not_an_occurrence"
    occurrence_aired = "occurrence_aired"

    @property
    def placed_in_programme(self) -> bool:
        """True for the codes of candidates that are in the programme."""
        return self in _PLACED

    @property
    def message_vi(self) -> str:
        """The explanation in Vietnamese."""
        return _TEXTS[self][0]

    @property
    def message_en(self) -> str:
        """The explanation in English."""
        return _TEXTS[self][1]


_PLACED = frozenset({Reason.placed, Reason.topic_run, Reason.repeat_placed_late})

_TEXTS: dict[Reason, tuple[str, str]] = {
    Reason.placed: ("Đã xếp vào chương trình", "placed in the programme"),
    Reason.topic_run: (
        "Đã xếp, nhưng lùi xuống để không có quá hai tin cùng chủ đề liền nhau",
        "placed, but moved down to avoid more than two items of one topic in a row",
    ),
    Reason.repeat_placed_late: (
        "Đã xếp sau các tin chưa phát vì tin này vừa phát gần đây",
        "placed after fresh items because it aired recently",
    ),
    Reason.expired: ("Hết hạn phát", "expired: its air window has ended"),
    Reason.not_yet: ("Chưa đến ngày phát", "not yet: its air window has not begun"),
    Reason.airings_done: ("Đã đủ số lần phát", "already aired the number of times asked"),
    Reason.slot_not_allowed: (
        "Không được chọn phát trong khung giờ này",
        "not allowed in this slot",
    ),
    Reason.area_not_targeted: (
        "Không phát cho khu phố này",
        "not targeted at this area",
    ),
    Reason.too_long: (
        "Dài hơn thời lượng khung giờ (trừ lời mở đầu và lời kết)",
        "longer than the slot minus the opening and closing announcements",
    ),
    Reason.does_not_fit: (
        "Không vừa khung giờ: chương trình đã đầy",
        "does not fit: the programme is full",
    ),
    Reason.aired_today_spread: (
        "Đã phát hôm nay; nhường chỗ cho tin chưa phát để giãn các lần phát lại",
        "already aired today; left out in favour of fresh items to spread repeats",
    ),
    Reason.same_slot_yesterday: (
        "Đã phát ở khung giờ này hôm qua; nhường chỗ cho tin khác để đổi khung giờ",
        "aired in this slot yesterday; left out in favour of other items to vary the slot",
    ),
    Reason.not_an_occurrence: (
        "Tin định kỳ: hôm nay không phải ngày phát theo lịch lặp",
        "recurring: today is not one of its dates",
    ),
    Reason.occurrence_aired: (
        "Tin định kỳ: đã phát lần của hôm nay",
        "recurring: today's airing is already done",
    ),
    Reason.duplicate: (
        "Trùng lặp: mỗi tin chỉ phát một lần trong một chương trình",
        "duplicate: a script airs at most once per programme",
    ),
}

from datetime import UTC, date, datetime, time, timedelta

import pytest

from scheduler.slots import (
    InvalidSlot,
    Slot,
    SlotsOverlap,
    instances_between,
    instances_for_dates,
    slot_instance,
    validate_slots,
)

HCM = "Asia/Ho_Chi_Minh"
BERLIN = "Europe/Berlin"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_vietnam_morning_slot_is_seven_hours_ahead_of_utc() -> None:
    inst = slot_instance(Slot("sáng", time(6, 30), 1800, HCM), date(2024, 9, 2))
    assert inst.starts_at == utc(2024, 9, 1, 23, 30)
    assert inst.ends_at == utc(2024, 9, 2, 0, 0)
    assert not inst.shifted
    assert inst.local_start.hour == 6


def test_berlin_winter_and_summer_offsets() -> None:
    slot = Slot("morgen", time(6, 30), 1800, BERLIN)
    assert slot_instance(slot, date(2024, 1, 15)).starts_at == utc(2024, 1, 15, 5, 30)
    assert slot_instance(slot, date(2024, 7, 15)).starts_at == utc(2024, 7, 15, 4, 30)


def test_spring_forward_gap_shifts_the_slot_forward_by_the_gap() -> None:
    inst = slot_instance(Slot("nacht", time(2, 30), 1800, BERLIN), date(2024, 3, 31))
    assert inst.shifted
    assert inst.starts_at == utc(2024, 3, 31, 1, 30)  # 03:30 CEST
    assert inst.local_start.time() == time(3, 30)
    assert inst.ends_at - inst.starts_at == timedelta(minutes=30)


def test_fall_back_fold_takes_the_first_occurrence() -> None:
    inst = slot_instance(Slot("nacht", time(2, 30), 1800, BERLIN), date(2024, 10, 27))
    assert not inst.shifted
    assert inst.starts_at == utc(2024, 10, 27, 0, 30)  # 02:30 CEST, not 02:30 CET
    assert inst.local_start.utcoffset() == timedelta(hours=2)


def test_slot_spanning_the_fall_back_lasts_its_real_length() -> None:
    inst = slot_instance(Slot("lang", time(2, 0), 3600 + 1800, BERLIN), date(2024, 10, 27))
    assert inst.ends_at - inst.starts_at == timedelta(minutes=90)
    # 02:00 CEST + 90 min = 02:30 CET on the wall clock.
    assert inst.ends_at.astimezone(inst.local_start.tzinfo).time() == time(2, 30)


def test_day_slot_on_dst_days_keeps_its_local_time() -> None:
    slot = Slot("morgen", time(6, 30), 1800, BERLIN)
    for day in (date(2024, 3, 31), date(2024, 10, 27)):
        assert slot_instance(slot, day).local_start.time() == time(6, 30)


def test_midnight_crossing_slot_at_year_end() -> None:
    inst = slot_instance(Slot("giao thừa", time(23, 45), 1800, HCM), date(2024, 12, 31))
    assert inst.local_date == date(2024, 12, 31)
    assert inst.starts_at == utc(2024, 12, 31, 16, 45)
    assert inst.ends_at.astimezone(inst.local_start.tzinfo) == datetime(
        2025, 1, 1, 0, 15, tzinfo=inst.local_start.tzinfo
    )


def test_instances_between_lists_every_slot_once_across_a_year_end() -> None:
    slots = [Slot("sáng", time(6, 30), 1800, HCM), Slot("chiều", time(16, 30), 1800, HCM)]
    found = instances_between(slots, utc(2024, 12, 30, 17), utc(2025, 1, 2, 17))
    assert [(i.local_date, i.slot.name) for i in found] == [
        (date(2024, 12, 31), "sáng"), (date(2024, 12, 31), "chiều"),
        (date(2025, 1, 1), "sáng"), (date(2025, 1, 1), "chiều"),
        (date(2025, 1, 2), "sáng"), (date(2025, 1, 2), "chiều"),
    ]


def test_instances_between_is_half_open() -> None:
    slot = Slot("sáng", time(6, 30), 1800, HCM)
    start = slot_instance(slot, date(2024, 5, 1)).starts_at
    assert [i.local_date for i in instances_between([slot], start, start + timedelta(days=1))] == [
        date(2024, 5, 1)
    ]


def test_instances_between_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="aware"):
        instances_between([], datetime(2024, 1, 1), utc(2024, 1, 2))


def test_instances_for_dates_through_berlin_dst_week_have_real_lengths() -> None:
    slots = [Slot("a", time(6, 30), 1800, BERLIN), Slot("b", time(23, 50), 1200, BERLIN)]
    found = instances_for_dates(slots, date(2024, 3, 29), date(2024, 4, 1))
    assert len(found) == 8
    assert all(i.ends_at - i.starts_at == timedelta(seconds=i.slot.length_s) for i in found)
    assert all(a.ends_at <= b.starts_at for a, b in zip(found, found[1:], strict=False))


def test_overlapping_slots_are_refused_with_both_names_in_both_languages() -> None:
    slots = [Slot("sáng", time(6, 30), 1800, HCM), Slot("tin nhanh", time(6, 45), 600, HCM)]
    with pytest.raises(SlotsOverlap) as err:
        validate_slots(slots)
    assert "sáng" in err.value.message_vi
    assert "tin nhanh" in err.value.message_vi
    assert "chồng lên nhau" in err.value.message_vi
    assert "overlap" in err.value.message_en


def test_overlap_across_midnight_is_refused() -> None:
    slots = [Slot("đêm", time(23, 50), 1200, HCM), Slot("sớm", time(0, 5), 600, HCM)]
    with pytest.raises(SlotsOverlap):
        validate_slots(slots)


def test_back_to_back_slots_are_accepted() -> None:
    validate_slots([
        Slot("sáng", time(6, 30), 1800, HCM),
        Slot("sáng 2", time(7, 0), 1800, HCM),
        Slot("chiều", time(16, 30), 1800, HCM),
    ])


def test_slot_shifted_by_a_gap_into_the_next_slot_is_refused_naming_the_day() -> None:
    slots = [Slot("a", time(2, 30), 1800, BERLIN), Slot("b", time(3, 0), 3600, BERLIN)]
    with pytest.raises(SlotsOverlap) as err:
        validate_slots(slots, years=(2024, 2024))
    assert "31/03/2024" in err.value.message_vi


def test_bad_slot_fields_are_refused() -> None:
    with pytest.raises(InvalidSlot, match="Múi giờ"):
        Slot("x", time(6), 60, "Mars/Olympus")
    with pytest.raises(InvalidSlot, match="Thời lượng"):
        Slot("x", time(6), 0, HCM)
    with pytest.raises(InvalidSlot, match="trùng"):
        validate_slots([Slot("x", time(6), 60, HCM), Slot("x", time(9), 60, HCM)])

"""Programme layout, area variants, emergencies, horizons and estimates."""

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from scheduler.estimate import estimate_duration_ms
from scheduler.horizon import plan_horizon, request_for
from scheduler.model import ItemKind, Priority
from scheduler.plan import distinct_programmes, plan_emergency, plan_programme, plan_slot
from scheduler.slots import Slot, instances_for_dates
from tests.scheduler.builders import DAY, MIN, music, request, script, settings

SLOT_MS = 30 * MIN


def kinds(p) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.kind.value for i in p.items]


def assert_contiguous(p) -> None:  # type: ignore[no-untyped-def]
    t = 0
    for item in p.items:
        assert item.start_ms == t
        assert item.duration_ms >= 0
        t += item.duration_ms
    assert t == p.length_ms


def test_empty_plan_is_announcements_and_filler_to_the_exact_length() -> None:
    p = plan_programme(request(), [], [music(1, minutes=20), music(2, minutes=20)], settings())
    assert kinds(p)[0] == "opening"
    assert kinds(p)[-1] == "closing"
    assert "filler" in kinds(p)
    assert "silence" not in kinds(p)
    assert p.total_ms == SLOT_MS
    assert_contiguous(p)
    cut = [i for i in p.items if i.is_cut]
    assert len(cut) == 1
    assert cut[0].kind is ItemKind.filler
    assert cut[0].fade_out_ms == 3000


def test_without_filler_the_rest_is_silence_before_the_closing() -> None:
    p = plan_programme(request(), [script(1)], [], settings())
    assert kinds(p) == ["opening", "gap", "script", "gap", "silence", "closing"]
    assert p.items[-1].end_ms == SLOT_MS
    assert_contiguous(p)


def test_tiny_remainder_goes_into_the_gaps_not_dead_air() -> None:
    # Room 1778.5 s; two scripts of 887.5 s (+1.5 s gaps) leave 0.5 s.
    cands = [replace(script(i), duration_ms=887_500) for i in (1, 2)]
    p = plan_programme(request(), cands, [music(5)], settings())
    assert kinds(p) == ["opening", "gap", "script", "gap", "script", "gap", "closing"]
    assert sum(i.duration_ms for i in p.items if i.kind is ItemKind.gap) == 3 * 1500 + 500
    assert_contiguous(p)


def test_uncuttable_filler_that_does_not_fit_is_skipped() -> None:
    fillers = [music(1, minutes=40, cuttable=False), music(2, minutes=40)]
    p = plan_programme(request(), [], fillers, settings())
    assert [i.filler_id for i in p.items if i.kind is ItemKind.filler] == [2]


def test_filler_rotates_between_slots_and_is_stable() -> None:
    fillers = [music(i, minutes=1) for i in range(1, 40)]

    def first_filler(day: date, slot: str) -> int | None:
        p = plan_programme(request(day=day, slot=slot), [], fillers, settings())
        return next(i.filler_id for i in p.items if i.kind is ItemKind.filler)

    firsts = {first_filler(DAY + timedelta(days=n), "sáng") for n in range(5)}
    assert len(firsts) > 1
    assert first_filler(DAY, "sáng") == first_filler(DAY, "sáng")


def test_announcements_longer_than_the_slot_still_make_a_valid_programme() -> None:
    p = plan_programme(request(length_ms=15_000), [script(1, minutes=0.1)], [],
                       settings(opening_ms=12_000, closing_ms=8_000))
    assert kinds(p) == ["opening", "closing"]
    assert p.items[0].duration_ms == 7_000
    assert p.items[0].is_cut
    assert p.items[0].fade_out_ms
    assert p.items[1].duration_ms == 8_000
    assert not p.items[1].is_cut
    assert p.decision_for(1).code == "too_long"  # type: ignore[union-attr]
    assert_contiguous(p)
    tiny = plan_programme(request(length_ms=5_000), [], [], settings())
    assert kinds(tiny) == ["closing"]
    assert tiny.total_ms == 5_000


def test_provisional_when_any_placed_duration_is_an_estimate() -> None:
    real = plan_programme(request(), [script(1)], [], settings())
    assert not real.provisional
    est = plan_programme(request(), [script(1, provisional=True)], [], settings())
    assert est.provisional
    assert est.items[2].provisional
    ann = plan_programme(request(), [], [], settings(announcements_provisional=True))
    assert ann.provisional


def test_one_programme_for_the_station_when_nothing_targets_areas() -> None:
    plan = plan_slot(request(), [script(1), script(2)], [], settings(), areas=[3, 1, 2])
    assert list(plan) == [None]
    assert plan[None].area_ids == ()


def test_area_variants_share_identical_plans() -> None:
    cands = [
        script(1),
        script(2, target_areas=frozenset({1, 2})),
        script(3, target_areas=frozenset({3})),
    ]
    plan = plan_slot(request(), cands, [], settings(), areas=[1, 2, 3, 4])
    assert sorted(plan) == [1, 2, 3, 4]
    assert plan[1] is plan[2]
    assert plan[1].area_ids == (1, 2)
    assert set(plan[1].script_ids) == {1, 2}
    assert set(plan[3].script_ids) == {1, 3}
    assert plan[4].script_ids == (1,)
    assert [p.area_ids for p in distinct_programmes(plan)] == [(1, 2), (3,), (4,)]


def test_targeted_but_expired_script_does_not_split_the_station() -> None:
    cands = [script(1), script(2, target_areas=frozenset({1}), air_until=DAY - timedelta(days=1))]
    assert list(plan_slot(request(), cands, [], settings(), areas=[1, 2])) == [None]


def test_emergency_programme_is_alert_then_bulletin_for_its_areas() -> None:
    bulletin = script(9, minutes=1, priority=Priority.emergency, target_areas=frozenset({2, 1}))
    p = plan_emergency(bulletin, station="Hà Tu", local_date=DAY, repeat=2)
    assert kinds(p) == ["alert", "gap", "script", "gap", "script"]
    assert p.length_ms == p.total_ms == 3000 + 1500 + 60_000 + 1500 + 60_000
    assert p.area_ids == (1, 2)
    assert p.decisions[0].position == 2
    with pytest.raises(ValueError, match="repeat"):
        plan_emergency(bulletin, station="Hà Tu", local_date=DAY, repeat=0)


def test_horizon_spreads_airings_and_stops_at_the_target() -> None:
    slots = [Slot("sáng", time(6, 30), 1800, "Asia/Ho_Chi_Minh"),
             Slot("chiều", time(16, 30), 1800, "Asia/Ho_Chi_Minh")]
    instances = instances_for_dates(slots, DAY, DAY + timedelta(days=2))
    requests = [request_for(i, "Hà Tu") for i in instances]
    # Each slot holds three 9-minute scripts; eight scripts want two airings each.
    cands = [script(i, minutes=9, airings_target=2) for i in range(1, 9)]
    results = plan_horizon(requests, cands, [music(1)], settings())
    aired = [p.script_ids for _, plan in results for p in plan.values()]
    counts = {i: sum(ids.count(i) for ids in aired) for i in range(1, 9)}
    assert counts == dict.fromkeys(range(1, 9), 2)  # 16 airings over 6 slots of 3
    per_day: dict[date, list[int]] = {}
    for req, plan in results:
        per_day.setdefault(req.local_date, []).extend(plan[None].script_ids)
    assert all(len(ids) == len(set(ids)) for ids in per_day.values())


def test_estimate_counts_syllables_and_pauses() -> None:
    text = "Đây là Đài truyền thanh phường Hà Tu. Bây giờ là sáu giờ ba mươi phút."
    # 16 syllables at 160 per minute = 6 s, plus two sentence pauses.
    assert estimate_duration_ms(text, 160) == 6_000 + 2 * 300
    assert estimate_duration_ms("", 150) == 0
    with pytest.raises(ValueError, match="positive"):
        estimate_duration_ms(text, 0)

"""One test per reason code: what an editor reads when asking why a script did (not) air."""

from datetime import UTC, date, datetime, timedelta

from scheduler.model import ItemKind, PastAiring, Priority
from scheduler.plan import plan_programme
from tests.scheduler.builders import DAY, request, script, settings


def reasons_of(programme) -> dict[int, str]:  # type: ignore[no-untyped-def]
    return {d.candidate_id: d.code for d in programme.decisions}


def test_placed_script_has_its_position_and_texts() -> None:
    p = plan_programme(request(), [script(1)], [], settings())
    d = p.decision_for(1)
    assert d is not None
    assert d.code == "placed"
    assert d.position is not None
    assert p.items[d.position].script_id == 1
    assert d.message_vi == "Đã xếp vào chương trình"
    assert d.message_en


def test_expired_and_not_yet() -> None:
    cands = [
        script(1, air_until=DAY - timedelta(days=1)),
        script(2, air_from=DAY + timedelta(days=1)),
        script(3, air_from=DAY, air_until=DAY),
    ]
    p = plan_programme(request(), cands, [], settings())
    assert reasons_of(p) == {1: "expired", 2: "not_yet", 3: "placed"}
    assert p.decision_for(1).message_vi == "Hết hạn phát"  # type: ignore[union-attr]
    assert p.decision_for(2).message_vi == "Chưa đến ngày phát"  # type: ignore[union-attr]


def test_airings_done() -> None:
    p = plan_programme(request(), [script(1, airings_target=2, airings_done=2)], [], settings())
    assert reasons_of(p) == {1: "airings_done"}
    assert p.decisions[0].message_vi == "Đã đủ số lần phát"


def test_slot_not_allowed() -> None:
    cands = [
        script(1, allowed_slots=frozenset({"chiều"})),
        script(2, allowed_slots=frozenset({"sáng"})),
    ]
    p = plan_programme(request(slot="sáng"), cands, [], settings())
    assert reasons_of(p) == {1: "slot_not_allowed", 2: "placed"}


def test_area_not_targeted() -> None:
    cands = [script(1, target_areas=frozenset({7})), script(2, target_areas=frozenset({8}))]
    p = plan_programme(request(), cands, [], settings(), area_id=8)
    assert reasons_of(p) == {1: "area_not_targeted", 2: "placed"}
    whole = plan_programme(request(), cands, [], settings(), area_id=None)
    assert reasons_of(whole) == {1: "area_not_targeted", 2: "area_not_targeted"}


def test_too_long_for_the_slot() -> None:
    p = plan_programme(request(), [script(1, minutes=29.8)], [], settings())
    assert reasons_of(p) == {1: "too_long"}
    assert "Dài hơn" in p.decisions[0].message_vi


def test_does_not_fit_when_the_programme_is_full() -> None:
    cands = [script(i, minutes=9, air_until=date(2024, 9, 10 + i)) for i in range(1, 5)]
    p = plan_programme(request(), cands, [], settings())
    assert reasons_of(p) == {1: "placed", 2: "placed", 3: "placed", 4: "does_not_fit"}
    assert p.decision_for(4).message_vi.startswith("Không vừa khung giờ")  # type: ignore[union-attr]


def test_aired_today_is_left_out_when_fresh_material_fills_the_slot() -> None:
    today = (PastAiring(DAY, "sáng sớm"),)
    fresh = [script(i, minutes=9) for i in range(2, 5)]
    cands = [script(1, previous_airings=today), *fresh]
    p = plan_programme(request(slot="chiều"), cands, [], settings())
    assert reasons_of(p)[1] == "aired_today_spread"
    assert set(p.script_ids) == {2, 3, 4}


def test_repeat_is_placed_after_fresh_items_when_there_is_room() -> None:
    yesterday = (PastAiring(DAY - timedelta(days=1), "sáng"),)
    # The repeat would otherwise go first: its window ends soonest.
    repeat = script(1, air_until=DAY, previous_airings=yesterday)
    p = plan_programme(request(slot="sáng"), [repeat, script(2)], [], settings())
    assert p.script_ids == (2, 1)
    assert reasons_of(p) == {1: "repeat_placed_late", 2: "placed"}


def test_same_slot_yesterday_gives_way_to_fresh_items() -> None:
    yesterday = (PastAiring(DAY - timedelta(days=1), "sáng"),)
    fresh = [script(i, minutes=9) for i in range(2, 5)]
    cands = [script(1, previous_airings=yesterday), *fresh]
    p = plan_programme(request(slot="sáng"), cands, [], settings())
    assert reasons_of(p)[1] == "same_slot_yesterday"
    # Another slot yesterday is not a repeat for this one.
    other = (PastAiring(DAY - timedelta(days=1), "chiều"),)
    cands = [script(1, air_until=DAY, previous_airings=other), *fresh]
    q = plan_programme(request(slot="sáng"), cands, [], settings())
    assert reasons_of(q)[1] == "placed"


def test_topic_run_moves_a_third_item_of_one_topic_down() -> None:
    cands = [
        script(1, topic="an ninh", air_until=date(2024, 9, 3)),
        script(2, topic="an ninh", air_until=date(2024, 9, 4)),
        script(3, topic="an ninh", air_until=date(2024, 9, 5)),
        script(4, topic="y tế", air_until=date(2024, 9, 6)),
    ]
    p = plan_programme(request(), cands, [], settings())
    assert p.script_ids == (1, 2, 4, 3)
    assert reasons_of(p) == {1: "placed", 2: "placed", 3: "topic_run", 4: "placed"}


def test_topic_run_never_jumps_a_priority_level() -> None:
    cands = [script(i, topic="phòng cháy", priority=Priority.priority) for i in (1, 2, 3)]
    p = plan_programme(request(), [*cands, script(4, topic="y tế")], [], settings())
    assert p.script_ids == (1, 2, 3, 4)


def test_duplicate_script_airs_once() -> None:
    p = plan_programme(request(), [script(1), script(1)], [], settings())
    assert p.script_ids == (1,)
    assert sorted(d.code for d in p.decisions) == ["duplicate", "placed"]


def test_priority_levels_then_window_then_airings_then_approval() -> None:
    old = datetime(2024, 1, 1, tzinfo=UTC)
    cands = [
        script(1),
        script(2, priority=Priority.priority),
        script(3, priority=Priority.emergency),
        script(4, air_until=date(2024, 9, 5)),
        script(5, airings_done=0, airings_target=3, approved=old),
        script(6, airings_done=1, airings_target=3, approved=old),
    ]
    p = plan_programme(request(), cands, [], settings())
    assert p.script_ids == (3, 2, 4, 5, 1, 6)


def test_emergency_leads_even_when_it_aired_today() -> None:
    today = (PastAiring(DAY, "sáng sớm"),)
    cands = [script(1, minutes=9), script(9, minutes=1, priority=Priority.emergency,
                                         airings_target=5, previous_airings=today)]
    p = plan_programme(request(), cands, [], settings())
    assert p.script_ids[0] == 9
    assert p.items[2].kind is ItemKind.script
    assert p.items[2].script_id == 9


def test_knapsack_fills_the_end_better_than_greedy() -> None:
    # Room between the announcements: 30:00 - 0:20 - one 1.5 s gap = 1778.5 s; each script
    # costs its length plus a gap. After script 1 (1201.5 s) 577 s are left; 10 (10 min) does
    # not fit. Greedy on would take 11 and 13 (473 s of speech); the knapsack takes 12 and 13
    # (570 s), leaving under 7 s to filler and gaps.
    cands = [
        script(1, minutes=20, air_until=date(2024, 9, 3)),
        script(10, minutes=10, air_until=date(2024, 9, 4)),
        script(11, minutes=5, air_until=date(2024, 9, 5)),
        script(12, minutes=400 / 60, air_until=date(2024, 9, 6)),
        script(13, minutes=170 / 60, air_until=date(2024, 9, 7)),
    ]
    p = plan_programme(request(), cands, [], settings())
    assert set(p.script_ids) == {1, 12, 13}
    assert reasons_of(p)[11] == "does_not_fit"
    assert p.total_ms == 30 * 60_000


def test_knapsack_prefers_a_priority_item_to_slightly_more_normal_fill() -> None:
    # After 1 and 2, 575.5 s are left and 3 (10 min) does not fit. Normal 5 + 6 would fill
    # 574 s (with their gaps), priority 4 + normal 5 fill 573 s: the priority weight wins.
    prio = Priority.priority
    cands = [
        script(1, minutes=10, priority=prio, air_until=date(2024, 9, 3)),
        script(2, minutes=10, priority=prio, air_until=date(2024, 9, 4)),
        script(3, minutes=10, priority=prio, air_until=date(2024, 9, 5)),
        script(4, minutes=3, priority=prio, air_until=date(2024, 9, 6)),
        script(5, minutes=6.5),
        script(6, minutes=181 / 60),
    ]
    p = plan_programme(request(), cands, [], settings())
    assert set(p.script_ids) == {1, 2, 4, 5}
    assert reasons_of(p)[6] == "does_not_fit"

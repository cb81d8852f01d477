"""A relay window inside a slot (tiếp sóng) is a fixed item: it airs at its own offset for its own
length, and scripts, filler and announcements are laid out around it."""

from dataclasses import replace

from scheduler.model import FixedItem, ItemKind
from scheduler.plan import plan_programme, plan_slot
from scheduler.reasons import Reason
from tests.scheduler.builders import MIN, music, request, script, settings
from tests.scheduler.test_plan import assert_contiguous, kinds

RELAY = FixedItem(offset_ms=10 * MIN, duration_ms=15 * MIN, title="Tiếp sóng: Đài thành phố 06:40–06:55",
                  relay_id=7)


def _relay_items(p):  # type: ignore[no-untyped-def]
    return [i for i in p.items if i.kind is ItemKind.relay]


def test_the_relay_airs_at_its_offset_and_the_rest_fills_the_time_around_it() -> None:
    p = plan_programme(replace(request(), fixed=(RELAY,)),
                       [script(1, minutes=4), script(2, minutes=4), script(3, minutes=4)],
                       [music(5, minutes=20)], settings())
    (relay,) = _relay_items(p)
    assert (relay.start_ms, relay.duration_ms, relay.title, relay.relay_id) == (
        10 * MIN, 15 * MIN, "Tiếp sóng: Đài thành phố 06:40–06:55", 7)
    assert kinds(p)[0] == "opening"
    assert kinds(p)[-1] == "closing"
    assert p.total_ms == 30 * MIN
    assert_contiguous(p)
    # 10 min before the relay: two 4-minute scripts; 5 min after it (with the closing): one
    before = [i.script_id for i in p.items if i.script_id and i.end_ms <= relay.start_ms]
    after = [i.script_id for i in p.items if i.script_id and i.start_ms >= relay.end_ms]
    assert (before, after) == ([1, 2], [3])
    # no script overlaps the relay, and filler fills each part up to it
    assert all(i.end_ms <= relay.start_ms or i.start_ms >= relay.end_ms for i in p.items if i is not relay)
    assert p.items[p.items.index(relay) - 2].kind in (ItemKind.filler, ItemKind.script)
    assert {d.reason for d in p.decisions} == {Reason.placed}


def test_a_script_longer_than_every_part_is_too_long_and_one_that_finds_no_room_does_not_fit() -> None:
    p = plan_programme(replace(request(), fixed=(RELAY,)),
                       [script(1, minutes=12), script(2, minutes=8), script(3, minutes=4)], [], settings())
    assert p.decision_for(1).reason is Reason.too_long  # 12 min fits no part around a 15-min relay
    assert p.decision_for(2).reason is Reason.placed  # before the relay
    assert p.decision_for(3).reason is Reason.placed  # after it: the part before is full
    assert p.decision_for(3).position > p.items.index(_relay_items(p)[0])
    crowded = plan_programme(replace(request(), fixed=(RELAY,)),
                             [script(2, minutes=8), script(3, minutes=4), script(4, minutes=4)], [], settings())
    assert crowded.decision_for(4).reason is Reason.does_not_fit
    assert_contiguous(crowded)


def test_a_relay_at_the_slot_start_opens_the_programme_and_one_at_the_end_replaces_the_closing() -> None:
    first = replace(RELAY, offset_ms=0, duration_ms=20 * MIN)
    p = plan_programme(replace(request(), fixed=(first,)), [script(1)], [music(5)], settings())
    assert kinds(p)[0] == "relay"
    assert kinds(p)[-1] == "closing"
    assert_contiguous(p)
    last = replace(RELAY, offset_ms=20 * MIN, duration_ms=10 * MIN)
    p = plan_programme(replace(request(), fixed=(last,)), [script(1)], [music(5)], settings())
    assert kinds(p)[0] == "opening"
    assert kinds(p)[-1] == "relay"
    assert_contiguous(p)


def test_a_relay_for_some_areas_gives_those_areas_their_own_programme() -> None:
    for_khu_1 = replace(RELAY, target_areas=frozenset({1}))
    plan = plan_slot(replace(request(), fixed=(for_khu_1,)), [script(1), script(2)], [music(5)], settings(),
                     areas=[1, 2])
    assert _relay_items(plan[1])
    assert not _relay_items(plan[2])
    assert plan[2].script_ids == (1, 2)
    assert_contiguous(plan[1])
    assert_contiguous(plan[2])


def test_overlapping_or_outside_relays_are_left_out_rather_than_breaking_the_slot() -> None:
    overlapping = replace(RELAY, offset_ms=20 * MIN, duration_ms=8 * MIN, relay_id=8)
    outside = replace(RELAY, offset_ms=25 * MIN, duration_ms=10 * MIN, relay_id=9)
    p = plan_programme(replace(request(), fixed=(outside, overlapping, RELAY)), [script(1)], [], settings())
    assert [i.relay_id for i in _relay_items(p)] == [7]
    assert_contiguous(p)


def test_the_same_inputs_give_the_same_plan_whatever_their_order() -> None:
    other = replace(RELAY, offset_ms=26 * MIN, duration_ms=2 * MIN, relay_id=9)
    cands = [script(i, minutes=2) for i in range(1, 8)]
    a = plan_programme(replace(request(), fixed=(RELAY, other)), cands, [music(5), music(6)], settings())
    b = plan_programme(replace(request(), fixed=(other, RELAY)), cands[::-1], [music(6), music(5)], settings())
    assert a == b
    assert [i.relay_id for i in _relay_items(a)] == [7, 9]
    assert_contiguous(a)

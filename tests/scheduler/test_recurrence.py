"""Recurring announcements: the rule's dates, and the planner airing one occurrence per date."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from scheduler.horizon import plan_horizon
from scheduler.reasons import Reason
from scheduler.recurrence import InvalidRule, describe, normalize, occurrences
from tests.scheduler.builders import music, request, script, settings

MON = date(2024, 9, 2)  # a Monday


def test_weekdays_give_only_those_days_inside_the_window():
    got = occurrences("FREQ=WEEKLY;BYDAY=TH,MO", MON, MON + timedelta(days=13))
    assert got == [date(2024, 9, 2), date(2024, 9, 5), date(2024, 9, 9), date(2024, 9, 12)]


def test_a_day_of_the_month_and_the_last_day():
    assert occurrences("FREQ=MONTHLY;BYMONTHDAY=15", date(2024, 9, 1), date(2024, 11, 30)) == [
        date(2024, 9, 15), date(2024, 10, 15), date(2024, 11, 15)]
    assert occurrences("FREQ=MONTHLY;BYMONTHDAY=-1", date(2025, 1, 1), date(2025, 3, 1)) == [
        date(2025, 1, 31), date(2025, 2, 28)]


def test_every_day_every_other_day():
    assert len(occurrences("FREQ=DAILY", MON, MON + timedelta(days=6))) == 7
    assert occurrences("FREQ=DAILY;INTERVAL=2", MON, MON + timedelta(days=5)) == [
        MON, MON + timedelta(days=2), MON + timedelta(days=4)]


@pytest.mark.parametrize("rule", ["FREQ=HOURLY", "FREQ=DAILY;COUNT=3", "FREQ=DAILY;UNTIL=20250101",
                                  "FREQ=WEEKLY;BYDAY=XX", "BYDAY=MO", "FREQ=MONTHLY;BYMONTHDAY=40", "nonsense"])
def test_rules_loa_does_not_take_are_refused_with_a_reason(rule):
    with pytest.raises(InvalidRule) as err:
        normalize(rule)
    assert err.value.vi
    assert err.value.en


def test_spelling_is_normalised_and_described():
    assert normalize("rrule:byday=th,mo;freq=weekly") == "FREQ=WEEKLY;BYDAY=MO,TH"
    assert describe("FREQ=WEEKLY;BYDAY=MO,TH") == "thứ Hai, thứ Năm hằng tuần"
    assert describe("FREQ=MONTHLY;BYMONTHDAY=15", "en") == "every month on day 15"


def _week(days: int = 7):
    out = []
    for n in range(days):
        day = MON + timedelta(days=n)
        out.append(request(day=day, slot="sáng", start=time(6, 30)))
        out.append(request(day=day, slot="chiều", start=time(16, 30)))
    return out


def test_the_planner_airs_a_recurring_script_once_on_each_of_its_dates_and_nowhere_else():
    rule_dates = frozenset(occurrences("FREQ=WEEKLY;BYDAY=MO,WE,FR", MON, MON + timedelta(days=6)))
    recurring = script(1, minutes=2, air_from=MON, air_until=MON + timedelta(days=6),
                       airings_target=10, occurrences=rule_dates)
    results = plan_horizon(_week(), [recurring], [music(1)], settings())
    aired_on = [req.local_date for req, plan in results if 1 in plan[None].script_ids]
    assert aired_on == sorted(rule_dates)  # once per date: morning, not again in the afternoon
    tuesday = next(plan[None] for req, plan in results if req.local_date == MON + timedelta(days=1))
    assert tuesday.decision_for(1).reason is Reason.not_an_occurrence
    monday_evening = next(plan[None] for req, plan in results
                          if req.local_date == MON and req.slot_name == "chiều")
    assert monday_evening.decision_for(1).reason is Reason.occurrence_aired


def test_up_to_n_airings_stops_a_recurring_script():
    every_day = frozenset(occurrences("FREQ=DAILY", MON, MON + timedelta(days=6)))
    recurring = script(1, minutes=2, air_from=MON, air_until=MON + timedelta(days=6),
                       airings_target=3, occurrences=every_day)
    results = plan_horizon(_week(), [recurring], [music(1)], settings())
    assert [req.local_date for req, plan in results if 1 in plan[None].script_ids] == [
        MON, MON + timedelta(days=1), MON + timedelta(days=2)]


def test_an_occurrence_due_today_goes_before_normal_scripts_of_its_level_that_can_wait():
    # 26 minutes of room: the recurring one must not be crowded out by scripts with longer windows
    others = [script(n, minutes=5, air_until=date(2024, 9, 30)) for n in range(2, 8)]
    recurring = script(1, minutes=5, air_until=date(2024, 12, 31), occurrences=frozenset({MON}),
                       airings_target=5)
    results = plan_horizon([request(day=MON)], [*others, recurring], [music(1)], settings())
    programme = results[0][1][None]
    assert programme.script_ids[0] == 1

"""Report figures against a month with known as-run reports."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.reports import periods, service
from app.reports.exceptions import BadPeriod
from tests.reports.scenario import MIN, Scenario, topic_name

OCTOBER = periods.month(2026, 10)


def _report(session: Session, sc: Scenario) -> service.Report:
    return service.build(session, sc.world.station, OCTOBER, prepared_by="Nguyễn Văn Biên")


def test_totals_count_what_relays_played_beside_the_plan(session: Session, scenario: Scenario) -> None:
    report = _report(session, scenario)
    t = report.totals
    # planned: S1 twice, S2 twice, S3 once; played: the third programme reached no relay point
    assert (t.airings_planned, t.airings_aired) == (5, 3)
    assert (t.ms_planned, t.ms_aired) == (14 * MIN, 8 * MIN)
    assert (t.bulletins_planned, t.bulletins_aired) == (3, 2)
    assert t.differs
    assert (report.programmes.planned, report.programmes.aired) == (3, 2)
    assert (report.programmes.ms_planned, report.programmes.ms_aired) == (90 * MIN, 60 * MIN)


def test_by_topic_priority_and_source(session: Session, scenario: Scenario) -> None:
    report = _report(session, scenario)
    by = {b.name: {r.label: r.figures for r in b.rows} for b in report.breakdowns}
    news = by["topic"][topic_name(session, scenario.world, "thoi-su")]
    assert (news.airings_planned, news.airings_aired, news.ms_aired) == (2, 2, 6 * MIN)
    health = by["topic"][topic_name(session, scenario.world, "y-te")]
    assert (health.airings_planned, health.airings_aired, health.ms_planned, health.ms_aired) == (2, 1, 4 * MIN,
                                                                                                 2 * MIN)
    disaster = by["topic"][topic_name(session, scenario.world, "moi-truong")]
    assert (disaster.airings_planned, disaster.airings_aired) == (1, 0)
    assert by["priority"]["Ưu tiên"].airings_planned == 2
    assert by["priority"]["Thông thường"].ms_planned == 10 * MIN
    assert by["source"]["Bản ghi âm"].ms_planned == 4 * MIN
    assert by["source"]["Bản ghi âm"].ms_aired == 0
    assert by["source"]["Tin bài của đài (giọng đọc)"].ms_aired == 8 * MIN


def test_by_theme_of_the_monthly_plan(session: Session, scenario: Scenario) -> None:
    from datetime import date

    from app.models.theme import Theme

    theme = Theme(station_id=scenario.world.station.id, month=date(2026, 10, 1), title="Mừng Quốc khánh 2/9")
    session.add(theme)
    session.flush()
    scenario.scripts["s1"].theme_id = theme.id
    session.commit()
    by = {r.label: r.figures for b in _report(session, scenario).breakdowns if b.name == "theme" for r in b.rows}
    national_day = by["Mừng Quốc khánh 2/9 (10/2026)"]
    assert (national_day.airings_planned, national_day.airings_aired, national_day.ms_aired) == (2, 2, 6 * MIN)
    untagged = by["Chưa gắn chủ đề"]
    assert (untagged.airings_planned, untagged.airings_aired) == (3, 1)


def test_by_area_counts_what_each_areas_relays_played(session: Session, scenario: Scenario) -> None:
    report = _report(session, scenario)
    areas = {r.label: r.figures for r in report.areas.rows}
    assert (areas["Khu 1"].airings_planned, areas["Khu 1"].airings_aired) == (5, 3)
    assert (areas["Khu 2"].airings_planned, areas["Khu 2"].airings_aired) == (5, 2)  # day 2 failed there
    assert areas["Khu 3"].airings_aired == 0  # no relay point at all


def test_proof_of_play_per_relay_point(session: Session, scenario: Scenario) -> None:
    report = _report(session, scenario)
    relays = {r.name: r for r in report.relays}
    market, ward5 = relays["Cụm loa chợ Hà Tu"], relays["Cụm loa tổ 5"]
    assert (market.due, market.on_time, market.late, market.missed) == (3, 2, 0, 1)
    assert (ward5.due, ward5.on_time, ward5.late, ward5.missed) == (3, 0, 1, 2)
    assert ward5.max_late_ms == 5 * MIN
    assert ward5.late_programmes == [(scenario.programmes[0].air_date, "Buổi sáng", 5 * MIN)]
    assert [d for d, _ in market.missed_programmes] == [scenario.programmes[2].air_date]
    assert [f.text for f in ward5.faults] == ["Mất điện cả tổ 5 từ 6 giờ sáng"]
    shares = {a.name: a.on_time_share for a in report.area_proof}
    assert shares["Khu 1"] == pytest.approx(2 / 3)
    assert shares["Khu 2"] == 0


def test_monthly_line_and_bulletin_list(session: Session, scenario: Scenario) -> None:
    report = service.build(session, scenario.world.station, periods.quarter(2026, 4), with_airings=True)
    assert [m.label for m in report.months] == ["10/2026", "11/2026", "12/2026"]
    assert report.months[0].figures.ms_aired == 8 * MIN
    assert report.months[1].figures.ms_planned == 0
    bulletins = {b.title: b for b in report.bulletins}
    vaccine = bulletins["Thông báo lịch tiêm vắc-xin sởi"]
    assert (vaccine.figures.airings_planned, vaccine.figures.airings_aired) == (2, 1)
    assert (vaccine.approved_by, vaccine.author) == ("editor", "officer")
    assert vaccine.priority == "priority"
    assert (len(report.airings), sum(a.played for a in report.airings)) == (5, 3)


def test_another_month_is_empty(session: Session, scenario: Scenario) -> None:
    report = service.build(session, scenario.world.station, periods.month(2026, 9))
    assert report.totals.airings_planned == 0
    assert report.bulletins == []
    assert all(r.due == 0 for r in report.relays)


@pytest.mark.parametrize(("code", "first", "last", "label"), [
    ("2026-02", "2026-02-01", "2026-02-28", "Tháng 02/2026"),
    ("2026-Q4", "2026-10-01", "2026-12-31", "Quý IV/2026"),
    ("2026", "2026-01-01", "2026-12-31", "Năm 2026"),
])
def test_periods(code: str, first: str, last: str, label: str) -> None:
    period = periods.parse(code)
    assert (str(period.first), str(period.last), period.label()) == (first, last, label)


@pytest.mark.parametrize("code", ["2026-13", "2026-Q5", "tháng 11", "0000"])
def test_unreadable_periods_are_refused(code: str) -> None:
    with pytest.raises(BadPeriod, match="2026-Q4"):
        periods.parse(code)


def test_reversed_range_is_refused() -> None:
    from datetime import date

    with pytest.raises(BadPeriod, match="trước"):
        periods.custom(date(2026, 11, 5), date(2026, 11, 1))

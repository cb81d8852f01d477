"""A station's abbreviation changed: the scripts that use it read the new way at the next render,
programmes not yet locked are rendered again, locked ones stay as they are."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.models import AuditEvent, Programme, ProgrammeStatus, ScriptStatus
from app.programmes import render
from app.speech import service as speech
from tests.fixtures.builders import create_script
from tests.programmes.helpers import plan_and_render

SENTENCE = "Thưa bà con, BQLCC tòa nhà số 3 họp lúc 19h30 tối nay."


def _script_item(programme, script_id):
    return next(i for i in programme.items if i.get("script_id") == script_id)


def test_a_changed_abbreviation_is_heard_in_the_next_render(session, short_slot_world):
    world = short_slot_world
    script = create_script(session, world, status=ScriptStatus.approved, title="Họp chung cư", body=SENTENCE)
    programme = plan_and_render(session, world)
    before = _script_item(programme, script.id)["spoken"]
    assert "ban quản lý chung cư" not in before
    first_audio = programme.audio_key

    effect = speech.set_abbreviations(session, world.station, {"BQLCC": "ban quản lý chung cư"},
                                      actor=world.users["editor"])
    session.commit()
    assert effect == {"scripts_respoken": 1, "programmes_rerendered": 1}
    session.refresh(programme)
    assert programme.audio_key is None, "its audio says the old reading: it is rendered again"
    assert programme.status == ProgrammeStatus.planned

    programme = plan_and_render(session, world)
    after = _script_item(programme, script.id)["spoken"]
    assert "ban quản lý chung cư tòa nhà số ba" in after
    assert programme.audio_key is not None
    assert programme.audio_key != first_audio
    session.refresh(script)
    assert script.speech_key is not None  # spoken again with the new text
    event = session.scalars(select(AuditEvent).where(AuditEvent.station_id == world.station.id)
                            .order_by(AuditEvent.id.desc())).first()
    assert event.changes["programmes_rerendered"] == 1


def test_a_script_without_the_abbreviation_keeps_its_audio(session, short_slot_world):
    world = short_slot_world
    create_script(session, world, status=ScriptStatus.approved, title="Tin khác",
                  body="Thưa bà con, UBND phường thông báo lịch tiêm chủng.")
    programme = plan_and_render(session, world)
    audio = programme.audio_key
    effect = speech.set_abbreviations(session, world.station, {"BQLCC": "ban quản lý chung cư"}, actor=None)
    session.commit()
    assert effect == {"scripts_respoken": 0, "programmes_rerendered": 0}
    session.refresh(programme)
    assert programme.audio_key == audio
    assert programme.status == ProgrammeStatus.rendered


def test_a_locked_programme_is_not_touched(session, short_slot_world):
    world = short_slot_world
    script = create_script(session, world, status=ScriptStatus.approved, title="Họp chung cư", body=SENTENCE)
    programme = plan_and_render(session, world)
    programme.status, programme.locked_at = ProgrammeStatus.locked, datetime.now(UTC)
    session.commit()
    audio, spoken = programme.audio_key, _script_item(programme, script.id)["spoken"]
    effect = speech.set_abbreviations(session, world.station, {"BQLCC": "ban quản lý chung cư"}, actor=None)
    session.commit()
    assert effect == {"scripts_respoken": 1, "programmes_rerendered": 0}
    session.refresh(programme)
    assert programme.status == ProgrammeStatus.locked
    assert programme.audio_key == audio
    assert _script_item(programme, script.id)["spoken"] == spoken


def test_removing_an_override_reads_the_built_in_way_again(session, short_slot_world):
    world = short_slot_world
    speech.set_abbreviations(session, world.station, {"UBND": "ủy ban"}, actor=None)
    session.commit()
    script = create_script(session, world, status=ScriptStatus.approved, title="Tin",
                           body="UBND phường thông báo.")
    programme = plan_and_render(session, world)
    assert "ủy ban phường" in _script_item(programme, script.id)["spoken"]
    assert speech.remove_abbreviation(session, world.station, "UBND", actor=None) == {
        "scripts_respoken": 1, "programmes_rerendered": 1}
    session.commit()
    programme = plan_and_render(session, world)
    assert "ủy ban nhân dân phường" in _script_item(programme, script.id)["spoken"]
    assert session.scalar(select(Programme).where(Programme.id == programme.id)).status == ProgrammeStatus.rendered


def test_speech_to_make_picks_the_changed_script(session, short_slot_world):
    world = short_slot_world
    script = create_script(session, world, status=ScriptStatus.approved, title="Họp chung cư", body=SENTENCE)
    plan_and_render(session, world)
    day = world.today() + timedelta(days=1)
    assert render.speech_to_make(session, world.station, day, day) == []
    speech.set_abbreviations(session, world.station, {"BQLCC": "ban quản lý chung cư"}, actor=None)
    tasks = render.speech_to_make(session, world.station, day, day)
    assert [t.script_id for t in tasks] == [script.id]
    assert "ban quản lý chung cư" in tasks[0].spoken

"""The announcer's own voice, end to end in real Chromium: the officer records in the script editor on a
phone (Chromium's fake microphone plays a generated take), listens, records again, keeps it and submits;
the editor hears it on the approval page and approves; the rendered programme carries it.

Needs Debian's `chromium` package, like tests/web/test_browser.py. Screenshots go to
test-artifacts/screenshots/ (recorder-*.png).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from audio.ffmpeg import measure_loudness, raw_pcm, run_ffmpeg
from tests.fixtures.audio_files import voice_like_wav
from tests.fixtures.live_server import LoaServer
from tests.web.test_browser import (
    CHROMIUM_ARGS,
    CSP_REFUSALS,
    DESKTOP,
    PHONE,
    _fits_the_screen,
    _page,
    _shot,
    _sign_in,
    demo_server,
    find_chromium,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TITLE = "Thông báo của Trưởng khu phố về lịch họp dân Khu 1"
# The take the fake microphone plays once (then silence): 1.5 s of room noise, 3 s of "speech"
# (660 Hz syllables), 1.5 s of room noise. Recorded for ~7 s, about 3.5 s should remain.
TAKE = [(1.5, False), (3.0, True), (1.5, False)]
TONE_HZ = 660
RATE = 22050


@pytest.fixture(scope="module")
def fake_microphone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return voice_like_wav(tmp_path_factory.mktemp("mic") / "take.wav", TAKE, frequency=TONE_HZ,
                          noise_dbfs=-50.0, voice_dbfs=-20.0)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The demo station, without the background scheduler: the test renders the programme itself."""
    yield from demo_server(tmp_path_factory.mktemp("loa-recording"), scheduler=False)


@pytest.fixture(scope="module")
def browser(fake_microphone: Path) -> Iterator[object]:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=20_000)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=find_chromium(), headless=True, args=[
            *CHROMIUM_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-audio-capture={fake_microphone}%noloop",
            "--autoplay-policy=no-user-gesture-required"])
        yield chromium
        chromium.close()


def _record(page, seconds: int) -> None:
    """Press Record, let the fake microphone play, press Stop."""
    from playwright.sync_api import expect

    page.locator('[data-rec="start"]:visible, [data-rec="again"]:visible').first.click()
    status = page.locator('[data-rec="status"]')
    expect(status).to_contain_text("Đang ghi")
    expect(status).to_contain_text(f"0:{seconds:02d}", timeout=seconds * 1000 + 20_000)
    page.locator('[data-rec="stop"]').click()
    expect(status).to_contain_text("Đã ghi")


def _plays(page, selector: str) -> float:
    """Play an <audio> in the page for a moment; answer how far it got (seconds)."""
    return float(page.evaluate("""async (selector) => {
        const player = document.querySelector(selector);
        await player.play();
        await new Promise((done) => setTimeout(done, 1200));
        player.pause();
        return player.currentTime;
    }""", selector))


def _programme_with(data_dir: Path, script_id: int) -> tuple[Path, dict[str, object], object]:
    """The rendered programme file that airs the script, that item of its plan, and the recording."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from app.db import make_engine
    from app.models import Programme, Recording, Script
    from audio.config import AudioSettings
    from audio.storage import LocalStorage

    engine = make_engine(f"sqlite:///{data_dir / 'loa.db'}")
    try:
        with Session(engine) as session:
            script = session.get(Script, script_id)
            assert script is not None
            assert script.recording_id is not None
            recording = session.get(Recording, script.recording_id)
            for programme in session.scalars(select(Programme).where(Programme.audio_key.is_not(None))):
                for item in programme.items:
                    if item["kind"] == "script" and item.get("script_id") == script_id:
                        path = LocalStorage(AudioSettings(data_dir=data_dir).audio_dir).path(programme.audio_key)
                        return path, item, recording
    finally:
        engine.dispose()
    raise AssertionError("no rendered programme airs the recorded script")


def _tone_share(samples: bytes, frequency: float) -> float:
    """How much of the signal's power sits at `frequency` (Goertzel over the whole stretch)."""
    import array

    values = array.array("h")
    values.frombytes(samples)
    coefficient = 2 * math.cos(2 * math.pi * frequency / RATE)
    s1 = s2 = 0.0
    for value in values:
        s1, s2 = value + coefficient * s1 - s2, s1
    power = s1 * s1 + s2 * s2 - coefficient * s1 * s2
    total = sum(v * v for v in values) * len(values) / 2
    return power / total if total else 0.0


def test_the_announcer_records_the_editor_hears_and_approves_it_and_it_airs(server, browser):
    base, data_dir = server
    from playwright.sync_api import expect

    # The officer, on a phone: a new script, read into the microphone.
    officer = _page(browser, base, PHONE)
    _sign_in(officer, "vanhoa")
    officer.goto("/app/scripts/new")
    officer.get_by_label("Tiêu đề").fill(TITLE)
    officer.get_by_label("Nội dung (lời đọc)").fill(
        "Thưa bà con Khu 1! Tối thứ Sáu tuần này, lúc 19h30, Ban điều hành khu phố họp dân tại nhà văn hóa.")
    officer.get_by_label("Chủ đề").select_option("thoi-su")
    officer.get_by_label("Khu 1", exact=True).check()
    recorder = officer.locator("#recorder")
    expect(recorder).to_be_visible()
    # A first take, cut short; listened to, then recorded again in full and kept.
    _record(officer, 3)
    assert _plays(officer, '[data-rec="player"]') > 0.5, "the officer listens to the take before keeping it"
    _record(officer, 7)
    _fits_the_screen(officer)
    _shot(officer, "recorder-take")
    officer.locator('[data-rec="keep"]').click()
    kept = officer.get_by_role("status").filter(has_text="Đã giữ bản ghi giọng đọc")
    expect(kept).to_contain_text("cắt 1,")
    expect(officer.get_by_label("Tiêu đề")).to_have_value(TITLE)
    expect(officer.locator("#attached-recording")).to_be_visible()
    _fits_the_screen(officer)
    _shot(officer, "recorder-kept")
    officer.get_by_role("button", name="Lưu và gửi duyệt").click()
    expect(officer.get_by_role("status")).to_have_text("Đã gửi duyệt.")
    script_id = int(officer.url.rstrip("/").rsplit("/", 1)[1])

    # The editor hears it in the queue and on the script's page, then approves both text and sound.
    editor = _page(browser, base, DESKTOP)
    _sign_in(editor, "bientap")
    card = editor.locator("li.card", has_text=TITLE)
    expect(card.locator("audio")).to_have_count(1)
    _shot(editor, "recorder-review-queue")
    card.get_by_role("link", name=TITLE).click()
    player = editor.locator("#recording audio")
    expect(player).to_be_visible()
    length = float(editor.evaluate("""async () => {
        const player = document.querySelector("#recording audio");
        if (!(player.duration > 0)) { await new Promise((done) => player.addEventListener("loadedmetadata", done)); }
        return player.duration;
    }"""))
    assert 3.0 < length < 4.5, f"about 3 s of speech with its margins is kept of the 7 s take ({length:.2f} s)"
    assert _plays(editor, "#recording audio") > 0.5, "the editor listens before approving"
    _shot(editor, "recorder-approval")
    _fits_the_screen(editor)
    editor.get_by_role("button", name="Duyệt", exact=True).click()
    expect(editor.get_by_role("status")).to_have_text("Đã duyệt tin bài.")
    for page in (officer, editor):
        page.context.close()
    assert not CSP_REFUSALS, "\n".join(CSP_REFUSALS)

    # Tomorrow morning's programme is rendered; the recording is in its file, at the target loudness.
    tomorrow = (datetime.now(UTC) + timedelta(hours=7)).date() + timedelta(days=1)
    LoaServer(data_dir).cli("render", "--station", "1", "--date", tomorrow.isoformat(), "--slot", "morning")
    programme_file, item, recording = _programme_with(data_dir, script_id)
    assert item["duration_ms"] == recording.duration_ms
    segment = run_ffmpeg(["-v", "error", "-ss", f"{item['offset_ms'] / 1000:.3f}",
                          "-t", f"{item['duration_ms'] / 1000:.3f}", "-i", str(programme_file),
                          *raw_pcm(RATE), "pipe:1"]).stdout
    assert len(segment) / 2 / RATE == pytest.approx(recording.duration_ms / 1000, abs=0.06)
    loudness = measure_loudness(pcm=segment, sample_rate=RATE)
    assert loudness.integrated_lufs == pytest.approx(-16.0, abs=1.5), "matched like any item"
    assert _tone_share(segment, TONE_HZ) > 0.3, "the programme plays the take (660 Hz), not speech"

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from audio.assemble import ProgrammeRenderer
from audio.config import AudioSettings
from audio.ffmpeg import measure_loudness, run_ffmpeg
from audio.pcm import Pcm
from audio.programme import ProgrammeSpec
from audio.recordings import ingest_recording
from audio.storage import LocalStorage
from audio.tts.engine import SynthesisFailed, VoiceSettings
from audio.tts.espeak import EspeakEngine
from audio.tts.service import SpeechService
from tests.audio.conftest import ToneMaker

OPENING = "Đây là Đài truyền thanh phường Hà Tu. Bây giờ là sáu giờ ba mươi phút."
SCRIPT_A = (
    "Ủy ban nhân dân phường Hà Tu thông báo. Từ ngày hai mươi hai tháng một, các khu phố "
    "ra quân tổng vệ sinh môi trường. Đề nghị bà con tham gia đầy đủ."
)
SCRIPT_B = "Tuyên truyền về phòng cháy chữa cháy, an toàn giao thông dịp Tết Nguyên đán."


class CountingEspeak(EspeakEngine):
    """eSpeak NG that counts what it says, and fails on text containing FAIL."""

    def __init__(self, settings: AudioSettings) -> None:
        super().__init__(settings)
        self.calls: list[str] = []

    def synthesize(self, text: str, voice: VoiceSettings, sample_rate: int) -> Pcm:
        self.calls.append(text)
        if "FAIL" in text:
            raise SynthesisFailed("Bộ đọc hỏng.", "The engine broke.")
        return super().synthesize(text, voice, sample_rate)


def make_renderer(settings: AudioSettings, storage: LocalStorage) -> tuple[ProgrammeRenderer, CountingEspeak]:
    espeak = CountingEspeak(settings)
    speech = SpeechService(storage, settings, {"espeak": espeak})
    return ProgrammeRenderer(storage, speech=speech, settings=settings), espeak


def decoded_samples(path: Path, rate: int) -> int:
    out = run_ffmpeg(["-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-ar", str(rate), "-"])
    return len(out.stdout) // 2


def programme_spec(recording_key: str, filler_key: str, script_a: str = SCRIPT_A) -> ProgrammeSpec:
    return ProgrammeSpec.model_validate(
        {
            "title": "Đài truyền thanh phường Hà Tu — Buổi sáng 22/11/2026",
            "slot_length_ms": 40_000,
            "items": [
                {
                    "kind": "speech",
                    "ref": "opening",
                    "title": "Mở đầu",
                    "offset_ms": 0,
                    "duration_ms": 6000,
                    "text": OPENING,
                },
                {
                    "kind": "speech",
                    "ref": "script:1",
                    "title": "Vệ sinh môi trường",
                    "offset_ms": 6500,
                    "duration_ms": 12000,
                    "text": script_a,
                },
                {
                    "kind": "recording",
                    "ref": "script:2",
                    "title": "Bản ghi",
                    "offset_ms": 19000,
                    "duration_ms": 4000,
                    "audio_key": recording_key,
                },
                {"kind": "silence", "ref": "gap", "title": "Nghỉ", "offset_ms": 23000, "duration_ms": 500},
                {
                    "kind": "speech",
                    "ref": "script:3",
                    "title": "Phòng cháy",
                    "offset_ms": 23500,
                    "duration_ms": 7000,
                    "text": SCRIPT_B,
                },
                # Longer than the 9.5 s left: cut with a fade at the slot end.
                {
                    "kind": "filler",
                    "ref": "filler:1",
                    "title": "Nhạc",
                    "offset_ms": 30500,
                    "duration_ms": 20000,
                    "audio_key": filler_key,
                    "fade_out_ms": 2000,
                },
            ],
        }
    )


@pytest.fixture
def material(settings: AudioSettings, storage: LocalStorage, make_tone: ToneMaker) -> tuple[str, str]:
    recording = ingest_recording(make_tone("rec.wav", 3.0, frequency=330), storage, settings)
    filler = ingest_recording(make_tone("fill.mp3", 15.0, frequency=220), storage, settings)
    return recording.normalized_key, filler.normalized_key


def test_programme_is_exactly_the_slot_and_cue_sheets_agree_with_the_files(
    settings: AudioSettings, storage: LocalStorage, material: tuple[str, str]
) -> None:
    renderer, _espeak = make_renderer(settings, storage)
    seen: list[tuple[int, int]] = []
    result = renderer.render(
        programme_spec(*material), progress=lambda done, total, _label: seen.append((done, total))
    )
    assert decoded_samples(storage.path(result.programme.key), 22050) == 40 * 22050
    assert result.failures == []
    assert seen[-1][0] == seen[-1][1]
    cue = json.loads(storage.read_bytes(result.cue_sheet.key))
    playlist = storage.read_bytes(result.playlist.key).decode("utf-8").splitlines()
    assert playlist[0] == "#EXTM3U"
    entries = [line for line in playlist if line.startswith("#EXTINF:")]
    assert len(entries) == len(cue["items"]) == len(result.items)
    offset = 0
    for item, entry in zip(cue["items"], entries, strict=True):
        data = storage.read_bytes(item["file_key"])
        assert hashlib.sha256(data).hexdigest() == item["file_sha256"]
        assert len(data) == item["file_size_bytes"]
        decoded = decoded_samples(storage.path(item["file_key"]), 22050)
        assert decoded == item["file_sample_count"]
        assert float(entry.split(":")[1].split(",")[0]) == pytest.approx(decoded / 22050, abs=0.001)
        assert entry.split(",", 1)[1] == item["title"]
        assert item["offset_ms"] == pytest.approx(offset * 1000 / 22050, abs=1)
        offset += decoded
    assert offset == 40 * 22050
    programme = storage.read_bytes(cue["programme"]["key"])
    assert hashlib.sha256(programme).hexdigest() == cue["programme"]["sha256"]
    # Planned offsets survive within one MP3 frame (26 ms).
    placed = {item["ref"]: item["offset_ms"] for item in cue["items"]}
    assert placed["script:3"] == pytest.approx(23500, abs=14)
    assert result.cut_refs == ["filler:1"]


def test_every_speech_and_recording_item_is_at_the_loudness_target(
    settings: AudioSettings, storage: LocalStorage, material: tuple[str, str]
) -> None:
    renderer, _espeak = make_renderer(settings, storage)
    result = renderer.render(programme_spec(*material))
    measured = [
        measure_loudness(storage.path(item.audio.key)).integrated_lufs
        for item in result.items
        if item.kind in ("speech", "recording")
    ]
    assert len(measured) == 4
    assert measured == [pytest.approx(-16.0, abs=1.0)] * 4


def test_changing_one_script_resynthesizes_and_reencodes_only_it(
    settings: AudioSettings, storage: LocalStorage, material: tuple[str, str]
) -> None:
    renderer, espeak = make_renderer(settings, storage)
    first = renderer.render(programme_spec(*material))
    calls, encodes = len(espeak.calls), renderer.encode_count
    edited = SCRIPT_A.replace("đầy đủ", "đông đủ")
    second = renderer.render(programme_spec(*material, script_a=edited))
    assert espeak.calls[calls:] == ["Đề nghị bà con tham gia đông đủ."]
    assert renderer.encode_count == encodes + 1
    changed = [a.ref for a, b in zip(first.items, second.items, strict=True) if a.audio != b.audio]
    assert changed == ["script:1"]
    assert second.programme.key != first.programme.key
    assert decoded_samples(storage.path(second.programme.key), 22050) == 40 * 22050


def test_broken_items_are_replaced_and_reported(
    settings: AudioSettings, storage: LocalStorage, material: tuple[str, str]
) -> None:
    corrupt = storage.put_bytes(b"RIFF not really a wave file", suffix=".wav")
    _recording, filler = material
    spec = programme_spec(corrupt, filler, script_a="Bản tin này làm bộ đọc FAIL ngay.")
    spec = ProgrammeSpec.model_validate(
        {**spec.model_dump(), "fallback": {"audio_key": filler, "title": "Nhạc nền"}}
    )
    renderer, _espeak = make_renderer(settings, storage)
    result = renderer.render(spec)
    failed = {failure.ref: failure for failure in result.failures}
    assert set(failed) == {"script:1", "script:2"}
    assert failed["script:1"].reason_vi.startswith("Bộ đọc hỏng")
    assert failed["script:2"].replaced_by == "filler"
    replaced = {item.ref: item for item in result.items if item.replaced}
    assert set(replaced) == {"script:1", "script:2"}
    # The filler took the broken recording's place: it is audible there, not silence.
    level = measure_loudness(storage.path(replaced["script:2"].audio.key)).integrated_lufs
    assert level > -20.0  # its 2 s fade-out over the 4 s span lowers it a little
    assert decoded_samples(storage.path(result.programme.key), 22050) == 40 * 22050


_KILLED_RENDER = """
import sys
from pathlib import Path
from audio.assemble import ProgrammeRenderer
from audio.config import AudioSettings
from audio.programme import ProgrammeSpec
from audio.storage import LocalStorage

settings = AudioSettings(data_dir=Path(sys.argv[1]), espeak_backend="library")
spec = ProgrammeSpec.model_validate_json(Path(sys.argv[2]).read_text())
renderer = ProgrammeRenderer(LocalStorage(settings.audio_dir), settings=settings, workers=1)
result = renderer.render(spec, progress=lambda d, t, l: print(d, t, flush=True))
print("done", result.programme.key, flush=True)
"""


def _check_store(root: Path) -> int:
    """Every file under a final name is complete: its content hashes to its name."""
    checked = 0
    for path in root.glob("[0-9a-f][0-9a-f]/*"):
        assert not path.name.startswith(".tmp-")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name[:64]
        checked += 1
    for path in root.glob("*-index/*/*.json"):
        json.loads(path.read_text())
    return checked


@pytest.mark.slow
def test_a_killed_render_leaves_no_partial_file_and_a_rerun_completes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    texts = [f"{SCRIPT_A} Bản tin số {n}." for n in ("một", "hai", "ba", "bốn", "năm", "sáu")]
    items = [
        {
            "kind": "speech",
            "ref": f"script:{n}",
            "title": f"Tin {n}",
            "offset_ms": n * 15_000,
            "duration_ms": 14_000,
            "text": text,
        }
        for n, text in enumerate(texts)
    ]
    spec = ProgrammeSpec.model_validate({"title": "Thử", "slot_length_ms": 600_000, "items": items})
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(spec.model_dump_json())
    command = [sys.executable, "-c", _KILLED_RENDER, str(data), str(spec_path)]
    root = Path(__file__).resolve().parents[2]
    for kill_after_steps in (1, 4, 8):
        with subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None
            for _step in range(kill_after_steps):
                assert not child.stdout.readline().startswith("done")
            child.kill()
        assert child.returncode == -9  # killed mid-render, not finished
        _check_store(data / "audio")
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
    key = done.stdout.strip().splitlines()[-1].split()[-1]
    assert _check_store(data / "audio") > len(items)
    assert decoded_samples(data / "audio" / key[:2] / key, 22050) == 600 * 22050


@pytest.mark.slow
def test_a_thirty_minute_programme_decodes_to_exactly_thirty_minutes(
    settings: AudioSettings, storage: LocalStorage, make_tone: ToneMaker
) -> None:
    tone = ingest_recording(make_tone("long.wav", 170.0, frequency=500), storage, settings)
    items = [
        {
            "kind": "recording",
            "ref": f"rec:{n}",
            "title": f"Bản ghi {n}",
            "offset_ms": n * 181_333,
            "duration_ms": 171_000,
            "audio_key": tone.normalized_key,
        }
        for n in range(10)
    ]
    spec = ProgrammeSpec.model_validate(
        {"title": "Ba mươi phút", "slot_length_ms": 1_800_000, "items": items, "output": {"bitrate_kbps": 32}}
    )
    renderer = ProgrammeRenderer(storage, settings=settings)
    result = renderer.render(spec)
    assert decoded_samples(storage.path(result.programme.key), 22050) == 1800 * 22050
    assert result.programme.duration_ms == 1_800_000


def test_opus_programme_is_exact_too(
    settings: AudioSettings, storage: LocalStorage, material: tuple[str, str]
) -> None:
    spec = ProgrammeSpec.model_validate(
        {**programme_spec(*material).model_dump(), "output": {"format": "opus", "bitrate_kbps": 32}}
    )
    renderer, _espeak = make_renderer(settings, storage)
    result = renderer.render(spec)
    assert result.programme.key.endswith(".ogg")
    assert decoded_samples(storage.path(result.programme.key), 48000) == 40 * 48000


def test_identical_gaps_of_silence_are_encoded_once(settings: AudioSettings, storage: LocalStorage) -> None:
    items: list[dict[str, object]] = [
        {"kind": "silence", "ref": f"gap:{n}", "title": "Nghỉ", "offset_ms": n * 2000, "duration_ms": 1000}
        for n in range(6)
    ]
    spec = ProgrammeSpec.model_validate({"title": "Khoảng lặng", "slot_length_ms": 12_000, "items": items})
    renderer, _espeak = make_renderer(settings, storage)
    result = renderer.render(spec)
    distinct = {item.audio.key for item in result.items}
    # every distinct item file is encoded once, however many items share it (MP3: no programme encode)
    assert len(distinct) < len(result.items)
    assert renderer.encode_count == len(distinct)
    assert decoded_samples(storage.path(result.programme.key), 22050) == 12 * 22050


def test_a_render_returns_only_after_every_folder_it_wrote_into_is_synced(
    settings: AudioSettings, storage: LocalStorage, material: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Folder fsyncs are batched at the end of a render: each folder once, all before it returns.
    real_fsync = os.fsync
    synced: list[str] = []

    def recording_fsync(fd: int) -> None:
        real_fsync(fd)
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))

    monkeypatch.setattr(os, "fsync", recording_fsync)
    renderer, _espeak = make_renderer(settings, storage)
    result = renderer.render(programme_spec(*material))
    folders = [path for path in synced if Path(path).is_dir()]
    assert len(folders) == len(set(folders))
    # batched: no folder is synced until every file's data is
    first_folder = min(i for i, path in enumerate(synced) if Path(path).is_dir())
    assert all(Path(path).is_dir() for path in synced[first_folder:])
    written = [storage.path(item.audio.key) for item in result.items]
    written += [storage.path(result.programme.key), storage.path(result.cue_sheet.key)]
    written += list((storage.root / "render-index").rglob("*.json"))
    written += list((storage.root / "tts-index").rglob("*.json"))
    for path in written:
        assert str(path.parent) in folders
    # each file's own data is still synced (under its temporary name, before the rename)
    assert len(synced) - len(folders) >= len(set(written))

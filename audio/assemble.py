"""Render a planned programme: one file per item, the whole slot as one exact file, cue sheets.

Each item is fitted to its span and encoded once; its file is named by its content and
remembered under the hash of its inputs, so a re-render re-encodes only changed items.
For MP3 the programme is spliced from the items' frames (`audio.mp3frames`): no second
encode, sample-exact length. Opus programmes are encoded once from the items' PCM.
Every file goes through `Storage` (temporary file, fsync, rename; the folders' fsyncs are
batched at the end, see `audio.storage.DirectorySyncs`), and the result is returned only
once all of them exist.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from audio.config import AudioSettings, get_audio_settings
from audio.cue import cue_sheet_json, m3u8_playlist
from audio.errors import AudioError, disk_full_as_storage_full
from audio.ffmpeg import FfmpegFailed, ffmpeg_exe, ffmpeg_failure, pcm_input, run_ffmpeg
from audio.item_audio import fit
from audio.mp3frames import (
    TAIL_GUARD_SAMPLES,
    Mp3Frames,
    SplicePart,
    crc16,
    frame_samples_for,
    parse_mp3,
    splice,
)
from audio.pcm import SAMPLE_WIDTH
from audio.programme import (
    ItemFailure,
    OutputSettings,
    ProgrammeItem,
    ProgrammeSpec,
    RenderedItem,
    RenderedProgramme,
    StoredAudio,
    StoredFile,
)
from audio.render_index import ItemSource, RenderIndex, item_source
from audio.storage import TEMP_PREFIX, DirectorySyncs, Storage, deferred_directory_syncs
from audio.timeline import Placement, place_items
from audio.tts.service import SpeechService

# Bump when fitting or encoding changes what an item's file holds.
RENDER_VERSION = 1
OPUS_RATE = 48000
# Threads preparing items' sources (speech) ahead of the encoding threads: one speaks while the
# others match loudness and wait for the speech cache's fsyncs.
SPEECH_WORKERS = 3

ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class _Outcome:
    placement: Placement
    audio: StoredAudio
    source: ItemSource
    source_ms: int
    cut_ms: int
    audible_cut: bool
    prefix_crc: int | None
    full_crc: int | None
    failure: ItemFailure | None


def output_rate(output: OutputSettings) -> int:
    """The sample rate of the delivered files (Opus only knows 48 kHz here)."""
    return OPUS_RATE if output.format == "opus" else output.sample_rate


class ProgrammeRenderer:
    """Renders programmes into `storage`, reusing cached speech and item files."""

    def __init__(
        self,
        storage: Storage,
        *,
        speech: SpeechService | None = None,
        settings: AudioSettings | None = None,
        workers: int | None = None,
    ) -> None:
        self.settings = settings or get_audio_settings()
        self.storage = storage
        self.speech = speech or SpeechService(storage, self.settings)
        self.index = RenderIndex(storage.root / "render-index")
        self.workers = workers or (os.cpu_count() or 1) + 1
        self.encode_count = 0  # item and programme encodes, for tests and benchmarks
        self._count_lock = threading.Lock()
        self._key_locks: dict[str, threading.Lock] = {}
        # Item MP3s encoded during this render, already cut into frames for the splice.
        self._parsed: dict[str, Mp3Frames] = {}

    def render(
        self,
        spec: ProgrammeSpec,
        *,
        progress: ProgressCallback | None = None,
        url_for: Callable[[str], str] | None = None,
    ) -> RenderedProgramme:
        """Render `spec`; return the stored files once every one of them exists."""
        syncs = DirectorySyncs()
        try:
            with deferred_directory_syncs(syncs):
                return self._render(spec, syncs, progress, url_for)
        finally:
            self._parsed.clear()
            syncs.flush()

    def _render(
        self,
        spec: ProgrammeSpec,
        syncs: DirectorySyncs,
        progress: ProgressCallback | None,
        url_for: Callable[[str], str] | None,
    ) -> RenderedProgramme:
        rate = output_rate(spec.output)
        quantum = frame_samples_for(rate) if spec.output.format == "mp3" else 1
        placements, failures, total = place_items(spec.items, spec.slot_length_ms, rate, quantum)
        steps = len(placements) + 2
        done = 0

        def report(label: str) -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, steps, label)

        last = len(placements) - 1
        # Speech is prepared ahead, in order, by its own threads (eSpeak NG speaks one text at a
        # time anyway), so that encoding never waits for synthesis, loudness matching and the
        # speech cache's writes; the item threads encode (up to `workers` ffmpeg at once).
        with (
            ThreadPoolExecutor(max_workers=SPEECH_WORKERS, thread_name_prefix="loa-speech") as speech,
            ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="loa-render") as pool,
        ):
            sources = [speech.submit(self._source_syncs, syncs, p.item) for p in placements]
            futures = [
                pool.submit(self._render_item_syncs, syncs, spec, placement, position == last, source)
                for position, (placement, source) in enumerate(zip(placements, sources, strict=True))
            ]
            outcomes = []
            for future in futures:
                outcome = future.result()
                outcomes.append(outcome)
                report(outcome.placement.item.title)
        programme = self._programme(spec, outcomes, total)
        report(spec.title)
        failures.extend(o.failure for o in outcomes if o.failure is not None)
        items = [_rendered(index, outcome, rate) for index, outcome in enumerate(outcomes)]
        cue = self._put_text(
            cue_sheet_json(
                title=spec.title,
                slot_length_ms=spec.slot_length_ms,
                output=spec.output,
                programme=programme,
                items=items,
                failures=failures,
            ),
            ".json",
        )
        playlist = self._put_text(m3u8_playlist(spec.title, items, url_for or _file_name), ".m3u8")
        report("cue sheet")
        return RenderedProgramme(
            title=spec.title,
            slot_length_ms=spec.slot_length_ms,
            output=spec.output,
            programme=programme,
            items=items,
            cue_sheet=cue,
            playlist=playlist,
            failures=failures,
            cut_refs=[o.placement.item.ref for o in outcomes if o.audible_cut],
        )

    # -- items -------------------------------------------------------------------------

    def _source_syncs(self, syncs: DirectorySyncs, item: ProgrammeItem) -> ItemSource:
        with deferred_directory_syncs(syncs):
            return item_source(item, self)

    def _render_item_syncs(
        self,
        syncs: DirectorySyncs,
        spec: ProgrammeSpec,
        placement: Placement,
        last: bool,
        source: Future[ItemSource],
    ) -> _Outcome:
        with deferred_directory_syncs(syncs):
            return self._render_item(spec, placement, last, source)

    def _render_item(
        self, spec: ProgrammeSpec, placement: Placement, last: bool, source: Future[ItemSource]
    ) -> _Outcome:
        item = placement.item
        try:
            # The speech thread's failure (AudioError, OSError, ValueError) is raised here.
            return self._encoded(spec.output, placement, source.result(), last, None)
        except (AudioError, OSError, ValueError) as exc:
            reason_vi, reason_en = _reasons(exc)
        fallback = spec.fallback
        replaced_by = "filler" if fallback is not None else "silence"
        failure = ItemFailure(
            ref=item.ref,
            title=item.title,
            reason_vi=reason_vi,
            reason_en=reason_en,
            replaced_by=replaced_by,
        )
        if fallback is not None:
            try:
                filler = ItemSource.filler(fallback.audio_key, fallback.fade_out_ms, self)
                return self._encoded(spec.output, placement, filler, last, failure)
            except (AudioError, OSError, ValueError):
                failure = failure.model_copy(update={"replaced_by": "silence"})
        return self._encoded(spec.output, placement, ItemSource.silence(), last, failure)

    def _encoded(
        self,
        output: OutputSettings,
        placement: Placement,
        source: ItemSource,
        last: bool,
        failure: ItemFailure | None,
    ) -> _Outcome:
        internal = self.settings.sample_rate
        rate = output_rate(output)
        target = round(placement.span * internal / rate)
        guard = 0
        if output.format == "mp3" and not last:
            guard = math.ceil(TAIL_GUARD_SAMPLES * internal / rate) + (32 if rate != internal else 0)
        fade = round(source.fade_ms * internal / 1000)
        key = _digest(
            [RENDER_VERSION, output.model_dump(), source.identity, placement.span, target, guard, fade]
        )
        # Items with the same inputs (the gaps of silence between scripts) are encoded once:
        # a worker holding the key encodes, the others then find its entry in the index.
        with self._key_lock(key):
            entry = self.index.get(key)
            if entry is not None and self.storage.exists(entry.audio.key):
                self.storage.touch(entry.audio.key)
            else:
                fitted = fit(source.load(), target, guard_frames=guard, fade_frames=fade)
                stored, prefix_crc, full_crc = self._encode_item(fitted.samples, output, placement.span)
                entry = self.index.put(
                    key,
                    audio=stored,
                    source_ms=round(fitted.source_frames * 1000 / internal),
                    cut_ms=round(fitted.cut_frames * 1000 / internal),
                    audible_cut=fitted.audible_cut,
                    prefix_crc=prefix_crc,
                    full_crc=full_crc,
                )
        return _Outcome(
            placement=placement,
            audio=entry.audio,
            source=source,
            source_ms=entry.source_ms,
            cut_ms=entry.cut_ms,
            audible_cut=entry.audible_cut,
            prefix_crc=entry.prefix_crc,
            full_crc=entry.full_crc,
            failure=failure,
        )

    def _key_lock(self, key: str) -> threading.Lock:
        with self._count_lock:
            return self._key_locks.setdefault(key, threading.Lock())

    def _encode_item(
        self, samples: bytes, output: OutputSettings, span: int
    ) -> tuple[StoredAudio, int | None, int | None]:
        rate = output_rate(output)
        with self._temp_file(".mp3" if output.format == "mp3" else ".ogg") as temp:
            self._encode([samples], output, span, temp)
            data = temp.read_bytes()
        prefix_crc = full_crc = None
        if output.format == "mp3":
            frames = parse_mp3(data)
            if frames.sample_count != span:
                raise FfmpegFailed(
                    f"Tệp MP3 của mục dài {frames.sample_count} mẫu thay vì {span}.",
                    f"The item's MP3 holds {frames.sample_count} samples instead of {span}.",
                )
            kept = span // frames.frame_samples
            prefix = frames.prefix(kept)
            prefix_crc = crc16(prefix)
            # The CRC of all frames continues from the prefix's: checksum only the rest.
            full_crc = crc16(frames.audio[len(prefix) :], prefix_crc)
        key = self.storage.put_bytes(data, suffix=".mp3" if output.format == "mp3" else ".ogg")
        if output.format == "mp3":
            self._parsed[key] = frames
        audio = StoredAudio(
            key=key,
            sha256=key[:64],
            size_bytes=len(data),
            duration_ms=round(span * 1000 / rate),
            sample_count=span,
            sample_rate=rate,
        )
        return audio, prefix_crc, full_crc

    def _encode(self, chunks: Iterable[bytes], output: OutputSettings, span: int, target: Path) -> None:
        """One ffmpeg encode of internal PCM chunks to exactly `span` output samples."""
        with self._count_lock:
            self.encode_count += 1
        internal = self.settings.sample_rate
        rate = output_rate(output)
        exact = (
            rate == internal
            and isinstance(chunks, list)
            and sum(len(chunk) for chunk in chunks) == span * SAMPLE_WIDTH
        )
        # Fitted item PCM at the output rate already holds exactly `span` samples: padding and
        # trimming would change nothing (same bytes out) but cost a filter pass per item.
        chain = [] if exact else [f"aresample={rate}"] if rate != internal else []
        chain += [] if exact else [f"apad=whole_len={span}", f"atrim=end_sample={span}"]
        if output.format == "mp3":
            codec = ["-c:a", "libmp3lame", "-b:a", f"{output.bitrate_kbps}k", "-id3v2_version", "0"]
            codec += ["-write_xing", "1", "-f", "mp3"]
        else:
            codec = ["-c:a", "libopus", "-b:a", f"{output.bitrate_kbps}k", "-f", "ogg"]
        args = ["-v", "error", *pcm_input(internal)]
        args += [*(["-af", ",".join(chain)] if chain else []), "-ac", "1", "-ar", str(rate), *codec]
        args += ["-fflags", "+bitexact", "-flags:a", "+bitexact", "-y", str(target)]
        command = [ffmpeg_exe(self.settings), "-hide_banner", "-nostdin", "-nostats", *args]
        if isinstance(chunks, list) and len(chunks) == 1:
            run_ffmpeg(args, input_bytes=chunks[0], settings=self.settings)
            return
        with subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        ) as process:
            assert process.stdin is not None
            assert process.stderr is not None
            try:
                for chunk in chunks:
                    process.stdin.write(chunk)
                process.stdin.close()
            except BrokenPipeError:
                pass
            errors = process.stderr.read()
            process.wait(timeout=self.settings.ffmpeg_timeout_seconds)
        if process.returncode != 0:
            raise ffmpeg_failure(errors)

    # -- programme ---------------------------------------------------------------------

    def _programme(self, spec: ProgrammeSpec, outcomes: list[_Outcome], total: int) -> StoredAudio:
        rate = output_rate(spec.output)
        key = _digest([RENDER_VERSION, spec.output.model_dump(), total, [o.audio.key for o in outcomes]])
        entry = self.index.get(key)
        if entry is not None and self.storage.exists(entry.audio.key):
            self.storage.touch(entry.audio.key)
            return entry.audio
        if spec.output.format == "mp3":
            stored_key, size = self._splice(outcomes, total)
        else:
            stored_key, size = self._encode_programme(spec.output, outcomes, total)
        audio = StoredAudio(
            key=stored_key,
            sha256=stored_key[:64],
            size_bytes=size,
            duration_ms=round(total * 1000 / rate),
            sample_count=total,
            sample_rate=rate,
        )
        self.index.put(key, audio=audio, source_ms=audio.duration_ms)
        return audio

    def _splice(self, outcomes: list[_Outcome], total: int) -> tuple[str, int]:
        parts = []
        for position, outcome in enumerate(outcomes):
            frames = self._parsed.get(outcome.audio.key) or parse_mp3(
                self.storage.read_bytes(outcome.audio.key)
            )
            if position == len(outcomes) - 1:
                parts.append(SplicePart(frames, None, outcome.full_crc))
            else:
                count = outcome.placement.span // frames.frame_samples
                parts.append(SplicePart(frames, count, outcome.prefix_crc))
        size = 0

        def counted(chunks: Iterator[bytes]) -> Iterator[bytes]:
            nonlocal size
            for chunk in chunks:
                size += len(chunk)
                yield chunk

        key = self.storage.put_stream(counted(splice(parts, total)), suffix=".mp3")
        return key, size

    def _encode_programme(
        self, output: OutputSettings, outcomes: list[_Outcome], total: int
    ) -> tuple[str, int]:
        internal = self.settings.sample_rate
        rate = output_rate(output)

        def pcm() -> Iterator[bytes]:
            for outcome in outcomes:
                span = outcome.placement.span
                target = round(span * internal / rate)
                fade = round(outcome.source.fade_ms * internal / 1000)
                yield fit(outcome.source.load(), target, guard_frames=0, fade_frames=fade).samples

        with self._temp_file(".ogg") as temp:
            self._encode(pcm(), output, total, temp)
            size = temp.stat().st_size
            return self.storage.put_file(temp, suffix=".ogg"), size

    # -- helpers -----------------------------------------------------------------------

    def _put_text(self, data: bytes, suffix: str) -> StoredFile:
        key = self.storage.put_bytes(data, suffix=suffix)
        return StoredFile(key=key, sha256=key[:64], size_bytes=len(data))

    @disk_full_as_storage_full()
    def _temp_file(self, suffix: str) -> _TempFile:
        staging = self.storage.root / "staging"
        staging.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=staging)
        os.close(handle)
        return _TempFile(Path(name))


class _TempFile:
    """A temporary file (never under a final name) removed on exit."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *_exc: object) -> None:
        with suppress(FileNotFoundError):
            self.path.unlink()


def render_programme(
    spec: ProgrammeSpec,
    storage: Storage,
    *,
    speech: SpeechService | None = None,
    settings: AudioSettings | None = None,
    progress: ProgressCallback | None = None,
    url_for: Callable[[str], str] | None = None,
) -> RenderedProgramme:
    """Render `spec` into `storage`: whole programme, item files, cue sheet JSON and M3U8."""
    renderer = ProgrammeRenderer(storage, speech=speech, settings=settings)
    return renderer.render(spec, progress=progress, url_for=url_for)


def _file_name(key: str) -> str:
    return key


def _digest(material: object) -> str:
    text = json.dumps(material, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _reasons(exc: Exception) -> tuple[str, str]:
    if isinstance(exc, AudioError):
        return exc.message_vi, exc.message_en
    return f"Lỗi khi tạo âm thanh của mục: {exc}.", f"Error while producing the item's audio: {exc}."


def _rendered(index: int, outcome: _Outcome, rate: int) -> RenderedItem:
    placement = outcome.placement
    item = placement.item
    return RenderedItem(
        index=index,
        ref=item.ref,
        kind=item.kind,
        title=item.title,
        offset_ms=round(placement.start * 1000 / rate),
        duration_ms=round(placement.span * 1000 / rate),
        audio=outcome.audio,
        source_duration_ms=outcome.source_ms,
        cut_ms=outcome.cut_ms,
        replaced=outcome.failure is not None,
        spoken_by=outcome.source.spoken_by,
        fell_back=outcome.source.fell_back,
    )

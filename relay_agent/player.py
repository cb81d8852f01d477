"""Players: an external command (ffplay, mpv, cvlc or the leader's own), or `null` for dry runs."""

from __future__ import annotations

import logging
import shlex
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from relay_agent.clock import Clock
from relay_agent.errors import PlayerNotFound

log = logging.getLogger("relay_agent.player")

# Tried in this order when no --player is given. aplay is not here: it cannot decode MP3.
KNOWN_PLAYERS = {
    "ffplay": "ffplay -nodisp -autoexit -loglevel error -ss {offset_seconds} {file}",
    "mpv": "mpv --no-video --really-quiet --start={offset_seconds} {file}",
    "cvlc": "cvlc --play-and-exit --no-video --start-time={offset_seconds} {file}",
}


class Playback(Protocol):
    """One file being played."""

    def finished(self) -> bool:
        """True once playback ended by itself."""
        ...

    def error(self) -> str | None:
        """Why playback failed, or None."""
        ...

    def stop(self) -> None:
        """Stop at once (emergency, shutdown)."""
        ...

    def expected_end(self) -> datetime:
        """When playback should end by the agent's clock."""
        ...


class StreamSink(Protocol):
    """A player fed a live stream's bytes as they arrive."""

    def write(self, data: bytes) -> None:
        """Hand the player more audio (raises OSError when the player is gone)."""
        ...

    def close(self) -> None:
        """Stop playing the stream."""
        ...


class Player(Protocol):
    """Starts playbacks."""

    name: str

    def start(self, file: Path, offset_seconds: float, duration_seconds: float) -> Playback:
        """Play `file` from `offset_seconds`; it is `duration_seconds` long in all."""
        ...

    def start_stream(self) -> StreamSink:
        """Play audio written to the returned sink (a relay window's live stream)."""
        ...


class NullSink:
    """Takes a stream's bytes and plays nothing (counts them, for dry runs and tests)."""

    def __init__(self) -> None:
        self.bytes_written = 0
        self.closed = False

    def write(self, data: bytes) -> None:
        """Count the bytes."""
        self.bytes_written += len(data)

    def close(self) -> None:
        """Nothing to stop."""
        self.closed = True


class CommandSink:
    """A player process reading the stream on its standard input."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process

    def write(self, data: bytes) -> None:
        """Pipe the bytes to the player."""
        assert self._process.stdin is not None
        self._process.stdin.write(data)
        self._process.stdin.flush()

    def close(self) -> None:
        """Close the pipe and stop the player."""
        try:
            if self._process.stdin is not None:
                self._process.stdin.close()
        except OSError:
            pass
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


class NullPlayback:
    """Plays nothing: ends when the agent's clock reaches the end of the audio."""

    def __init__(self, clock: Clock, end: datetime) -> None:
        self._clock = clock
        self._end = end
        self._stopped = False

    def finished(self) -> bool:
        """True when the clock passed the end."""
        return not self._stopped and self._clock.now() >= self._end

    def error(self) -> str | None:
        """A null playback never fails."""
        return None

    def stop(self) -> None:
        """Stop waiting."""
        self._stopped = True

    def expected_end(self) -> datetime:
        """The end by the agent's clock."""
        return self._end


class NullPlayer:
    """`--player null`: no sound, only time passing and as-run records (tests, dry runs)."""

    name = "null"

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.sinks: list[NullSink] = []

    def start(self, file: Path, offset_seconds: float, duration_seconds: float) -> Playback:
        """Start a silent playback of the remaining duration (the file must exist)."""
        if not file.is_file():
            raise FileNotFoundError(f"no such audio file: {file}")
        remaining = max(0.0, duration_seconds - offset_seconds)
        return NullPlayback(self._clock, self._clock.now() + timedelta(seconds=remaining))

    def start_stream(self) -> StreamSink:
        """A sink that plays nothing."""
        sink = NullSink()
        self.sinks.append(sink)
        return sink


class CommandPlayback:
    """A running player process."""

    def __init__(self, process: subprocess.Popen[bytes], log_path: Path, end: datetime):
        self._process = process
        self._log_path = log_path
        self._end = end
        self._stopped = False

    def finished(self) -> bool:
        """True when the process exited by itself."""
        return not self._stopped and self._process.poll() is not None

    def error(self) -> str | None:
        """The exit status and the end of the player's own messages when it failed."""
        code = self._process.poll()
        if code in (None, 0) or self._stopped:
            return None
        try:
            tail = self._log_path.read_bytes()[-300:].decode(errors="replace").strip()
        except OSError:
            tail = ""
        return f"player exit {code}: {tail}"

    def stop(self) -> None:
        """Terminate the player, killing it if it does not stop within 3 seconds."""
        self._stopped = True
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def expected_end(self) -> datetime:
        """When the audio should end."""
        return self._end


class CommandPlayer:
    """Runs a command template with `{file}` and `{offset_seconds}` for each playback."""

    def __init__(self, template: str, clock: Clock, log_dir: Path) -> None:
        if "{file}" not in template:
            raise PlayerNotFound(
                "Lệnh phát phải có {file} (ví dụ: mpv --start={offset_seconds} {file})",
                "the player command must contain {file}",
            )
        self.template = template
        self.name = shlex.split(template)[0]
        self._clock = clock
        self._log_path = log_dir / "player.log"

    def start(self, file: Path, offset_seconds: float, duration_seconds: float) -> Playback:
        """Start the player process on `file` at `offset_seconds`."""
        argv = [
            arg.replace("{file}", str(file)).replace("{offset_seconds}", f"{offset_seconds:.3f}")
            for arg in shlex.split(self.template)
        ]
        # The player's messages go to a file, not a pipe: ffplay writes endlessly and a pipe
        # nobody reads would fill up and freeze it mid-programme.
        with open(self._log_path, "wb") as log_file:
            process = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log_file
            )
        end = self._clock.now() + timedelta(seconds=max(0.0, duration_seconds - offset_seconds))
        return CommandPlayback(process, self._log_path, end)

    def start_stream(self) -> StreamSink:
        """Start the player on its standard input ("-" as the file: ffplay, mpv and cvlc read it)."""
        argv = [
            arg.replace("{file}", "-").replace("{offset_seconds}", "0")
            for arg in shlex.split(self.template)
        ]
        with open(self._log_path, "wb") as log_file:
            process = subprocess.Popen(
                argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=log_file
            )
        return CommandSink(process)


def make_player(spec: str | None, clock: Clock, log_dir: Path) -> Player:
    """`null`, a command template, or None to use the first known player found on PATH."""
    if spec == "null":
        return NullPlayer(clock)
    if spec:
        return CommandPlayer(spec, clock, log_dir)
    for binary, template in KNOWN_PLAYERS.items():
        if shutil.which(binary):
            log.info("Dùng trình phát %s (using player)", binary)
            return CommandPlayer(template, clock, log_dir)
    raise PlayerNotFound(
        "Không tìm thấy trình phát nhạc (ffplay, mpv, cvlc). Cài một trình, ví dụ "
        "`sudo apt install mpv`, hoặc chỉ định --player",
        "no audio player found (ffplay, mpv, cvlc); install one or pass --player",
    )

"""The live streams: join latency (a receiver's connect → first decoded audio), emergency
interrupt time (the feeder told → the alert heard by a receiver), and CPU per mount with 10
mounts fed at once, each against a baseline measured in the same run: a bare
`ffmpeg -re -i programme.mp3 … icecast://` source, the simplest thing that can feed a mount.
Then a relay window on every mount: CPU per mount relaying one upstream through the shared
connection (the upstream's Icecast listener count is printed), and the dead air a receiver hears
between the upstream stopping and the fallback programme.

    python -m bench.bench_stream [--mounts 10] [--seconds 20] [--joins 5]

Needs Debian's icecast2 (started here on a free loopback port with a generated configuration)."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from app.relay_sources import fanout
from audio.ffmpeg import ffmpeg_exe
from audio.live.encoder import MountTarget
from audio.live.feeder import MountFeeder
from audio.live.onair import PlayFile, PlayUrl
from tests.fixtures.audio_files import tone_file
from tests.fixtures.icecast import (
    BURST_BYTES,
    SOURCE_PASSWORD,
    Icecast,
    Receiver,
    icecast_binary,
    running_icecast,
    tone_sequence_file,
    tone_steps,
)

TICK = os.sysconf("SC_CLK_TCK")
ALERT_HZ = 3725.0  # above every step of a 60 s tone sequence, below the receiver's 4 kHz
RELAYED_HZ = 325.0  # the relayed upstream's tone: between two steps of the programme


def _cpu_seconds(pid: int) -> float:
    """utime + stime of one process (its threads included), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def _target(icecast: Icecast, mount: str, name: str) -> MountTarget:
    return MountTarget(mount, f"icecast://source:{SOURCE_PASSWORD}@127.0.0.1:{icecast.port}{mount}", name)


def _bare_source(icecast: Icecast, mount: str, programme: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1",
         "-i", str(programme), "-ac", "1", "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3",
         "-content_type", "audio/mpeg", f"icecast://source:{SOURCE_PASSWORD}@127.0.0.1:{icecast.port}{mount}"],
        stdin=subprocess.DEVNULL)


def _join_latency(icecast: Icecast, mount: str, joins: int) -> list[float]:
    found = []
    for _ in range(joins):
        receiver = Receiver(f"{icecast.url}{mount}").start()
        try:
            receiver.wait_seconds(0.1)
            assert receiver.first_audio_at is not None
            found.append(receiver.first_audio_at - receiver.connected_at)
        finally:
            receiver.stop()
    return found


def _first_bytes(icecast: Icecast, mount: str, joins: int) -> list[float]:
    """Connect → first MP3 bytes over HTTP: what a receiver waits before it can start decoding."""
    found = []
    for _ in range(joins):
        began = time.monotonic()
        with httpx.stream("GET", f"{icecast.url}{mount}", timeout=10) as answer:
            next(answer.iter_raw(1024))
            found.append(time.monotonic() - began)
    return found


def _feeder_cpu(feeders: list[MountFeeder]) -> float:
    """CPU of this process (the feeders' threads) and of their ffmpeg children."""
    total = _cpu_seconds(os.getpid())
    return total + sum(_cpu_seconds(pid) for feeder in feeders for pid in feeder.child_pids())


def _interrupt_times(icecast: Icecast, feeder: MountFeeder, programme: Path, alert: Path,
                     times: int) -> list[float]:
    found = []
    steps = tone_steps(60)
    for n in range(times):
        feeder.set(PlayFile(f"programme:{n}", programme, 0, "programme"))
        receiver = Receiver(f"{icecast.url}{feeder.target.mount}").start()
        try:
            receiver.wait_seconds(3)
            told, before = time.monotonic(), receiver.seconds()
            feeder.set(PlayFile(f"emergency:{n}", alert, 0, "emergency"))
            receiver.wait_seconds(receiver.seconds() + 6)
            heard = receiver.first_time_of(ALERT_HZ, [*steps, ALERT_HZ], after_s=before, step_s=0.05)
            assert heard is not None, "the alert never reached the stream"
            found.append(receiver.heard_at(heard) - told)
        finally:
            receiver.stop()
    return found


def _relay(icecast: Icecast, mounts: int, seconds: float, programme: Path, city_tone: Path) -> dict[str, float]:
    """Every mount relays one upstream (a bare source on /city.mp3) through the shared connection,
    with the programme as fallback; then the upstream stops."""
    city = _bare_source(icecast, "/city.mp3", city_tone)
    icecast.wait_for_mount("/city.mp3")
    url = f"{icecast.url}/city.mp3"
    feeders = [MountFeeder(_target(icecast, f"/relay-{n}.mp3", f"Khu {n}"), ffmpeg_exe(), retry_seconds=2.0)
               for n in range(mounts)]
    for feeder in feeders:
        feeder.set(PlayUrl("relay:1", url, "relay", fallback=PlayFile("programme:1:1", programme, 0, "programme"),
                           feed=lambda stop: fanout.chunks(1, url, stop)))
        feeder.start()
    steps = tone_steps(60)
    try:
        for n in range(mounts):
            icecast.wait_for_mount(f"/relay-{n}.mp3")
        receiver = Receiver(f"{icecast.url}/relay-0.mp3").start()
        try:
            time.sleep(2)
            listeners = float(str(icecast.mounts()["/city.mp3"].get("listeners", -1)))
            before = _feeder_cpu(feeders)
            time.sleep(seconds)
            cpu = _feeder_cpu(feeders) - before
            at_s = receiver.seconds()
            city.terminate()
            city.wait()
            receiver.wait_seconds(at_s + 12)
            candidates = [RELAYED_HZ, *steps]
            last = first = None
            t = max(0.0, at_s - 3)
            while t + 0.5 <= receiver.seconds():
                heard = receiver.frequency_at(t, candidates)
                if first is None and heard == RELAYED_HZ:
                    last = t
                elif last is not None and heard in steps:
                    first = t
                    break
                t += 0.1
        finally:
            receiver.stop()
    finally:
        for feeder in feeders:
            feeder.stop()
        if city.poll() is None:
            city.kill()
            city.wait()
    dead_air = (first - last) if first is not None and last is not None else float("nan")
    return {"cpu_per_mount": cpu / mounts / seconds * 100, "listeners": listeners, "dead_air": dead_air}


def main(argv: list[str] | None = None) -> None:
    """Print join latency, interrupt time and CPU per mount, with the bare-ffmpeg baseline."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mounts", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--joins", type=int, default=5)
    args = parser.parse_args(argv if argv is not None else [])
    print(f"machine: {platform.platform()} | {platform.processor() or platform.machine()} | "
          f"{os.cpu_count()} CPUs | Python {sys.version.split()[0]}")
    if icecast_binary() is None:
        print("icecast2 is not installed: sudo DEBIAN_FRONTEND=noninteractive apt-get install -y icecast2")
        return
    with tempfile.TemporaryDirectory() as folder, running_icecast() as icecast:
        programme = tone_sequence_file(Path(folder) / "programme.mp3", 60)
        alert = tone_file(Path(folder) / "alert.mp3", 8.0, frequency=int(ALERT_HZ), volume_db=-12)
        print(f"Icecast burst-on-connect {BURST_BYTES} bytes (1 s at 64 kbps); stream MP3 64 kbps mono 44.1 kHz")

        # baseline: bare ffmpeg sources
        bare = [_bare_source(icecast, f"/bare-{n}.mp3", programme) for n in range(args.mounts)]
        for n in range(args.mounts):
            icecast.wait_for_mount(f"/bare-{n}.mp3")
        bare_joins = _join_latency(icecast, "/bare-0.mp3", args.joins)
        bare_bytes = _first_bytes(icecast, "/bare-0.mp3", args.joins)
        start = [_cpu_seconds(p.pid) for p in bare]
        ice_start = _cpu_seconds(icecast.process.pid) if icecast.process else 0.0
        time.sleep(args.seconds)
        bare_cpu = sum(_cpu_seconds(p.pid) for p in bare) - sum(start)
        ice_bare = (_cpu_seconds(icecast.process.pid) if icecast.process else 0.0) - ice_start
        for p in bare:
            p.terminate()
            p.wait()

        # Loa's feeders
        feeders = [MountFeeder(_target(icecast, f"/khu-{n}.mp3", f"Khu {n}"), ffmpeg_exe())
                   for n in range(args.mounts)]
        for feeder in feeders:
            feeder.set(PlayFile("programme:1:1", programme, 0, "programme"))
            feeder.start()
        try:
            for n in range(args.mounts):
                icecast.wait_for_mount(f"/khu-{n}.mp3")
            loa_joins = _join_latency(icecast, "/khu-0.mp3", args.joins)
            loa_bytes = _first_bytes(icecast, "/khu-0.mp3", args.joins)
            time.sleep(2)
            before = _feeder_cpu(feeders)
            time.sleep(args.seconds)
            loa_cpu = _feeder_cpu(feeders) - before
            interrupts = _interrupt_times(icecast, feeders[0], programme, alert, 3)
        finally:
            for feeder in feeders:
                feeder.stop()
        relay = _relay(icecast, args.mounts, args.seconds, programme,
                       tone_file(Path(folder) / "city.mp3", 30.0, frequency=int(RELAYED_HZ), volume_db=-12))

    per_bare = bare_cpu / args.mounts / args.seconds * 100
    per_loa = loa_cpu / args.mounts / args.seconds * 100
    print(f"join latency (connect → first decoded audio, ffmpeg receiver, {args.joins} joins): "
          f"Loa median {statistics.median(loa_joins):.2f} s (max {max(loa_joins):.2f}); "
          f"bare ffmpeg source {statistics.median(bare_joins):.2f} s; "
          f"ratio {statistics.median(loa_joins) / statistics.median(bare_joins):.2f}; "
          f"first MP3 bytes after {statistics.median(loa_bytes) * 1000:.0f} ms "
          f"(bare source {statistics.median(bare_bytes) * 1000:.0f} ms)")
    print(f"emergency interrupt (feeder told → alert heard by a receiver playing from its first byte): "
          f"{', '.join(f'{t:.2f}' for t in interrupts)} s; the supervisor adds up to its 1 s tick")
    print(f"CPU per mount, {args.mounts} mounts for {args.seconds:.0f} s: Loa {per_loa:.1f} % of one core "
          f"(feeder threads + encoder + decoder); bare ffmpeg source {per_bare:.1f} %; "
          f"ratio {per_loa / per_bare:.2f}; Icecast itself {ice_bare / args.seconds * 100:.1f} % for all mounts")
    print(f"relay window on {args.mounts} mounts: Loa {relay['cpu_per_mount']:.1f} % of one core per mount; "
          f"upstream listeners on Icecast {relay['listeners']:.0f}; dead air when the upstream stops "
          f"(last relayed → first fallback audio at a receiver) {relay['dead_air']:.1f} s")
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])

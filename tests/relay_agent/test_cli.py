"""`loa relay run|sync|status|fault` as a leader or cron would call them."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from relay_agent.agent import Agent
from relay_agent.cli import main
from relay_agent.clock import FakeClock, SystemClock
from relay_agent.config import AgentConfig
from relay_agent.player import NullPlayer
from relay_agent.runner import run_agent
from tests.relay_agent.conftest import TOKEN
from tests.relay_agent.fake_server import FakeRelayServer, audio_bytes


def _options(server: FakeRelayServer, token_file: Path, cache: Path) -> list[str]:
    return ["--server", server.url, "--token-file", str(token_file), "--cache", str(cache), "-q"]


def test_sync_caches_the_files_and_status_tells_the_leader_in_vietnamese(
    clock: FakeClock,
    server: FakeRelayServer,
    token_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache = tmp_path / "cache"
    assert main(["sync", *_options(server, token_file, cache)], clock=clock) == 0
    assert len(list((cache / "audio").glob("*.mp3"))) == 2
    capsys.readouterr()

    assert main(["status", "--cache", str(cache)], clock=clock) == 0
    text = capsys.readouterr().out
    assert "Cụm loa tổ 3" in text
    assert "Chương trình tiếp theo: #1 (morning) lúc 06:30 21/11/2026 — đã tải" in text
    assert "Chờ gửi về đài: 0 bản ghi" in text


def test_sync_exits_non_zero_when_the_server_is_down(
    clock: FakeClock,
    server: FakeRelayServer,
    token_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server.down = True
    assert main(["sync", *_options(server, token_file, tmp_path / "cache")], clock=clock) == 1
    assert "Không kết nối được máy chủ" in capsys.readouterr().err


def test_status_before_any_sync_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "--cache", str(tmp_path / "nothing")]) == 0
    assert "loa relay sync" in capsys.readouterr().out


def test_missing_token_file_is_a_clear_error(
    server: FakeRelayServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options = _options(server, tmp_path / "missing-token", tmp_path / "cache")
    assert main(["sync", *options]) == 1
    assert "Không đọc được tệp mã truy cập" in capsys.readouterr().err


def test_run_without_any_player_installed_says_how_to_fix_it(
    server: FakeRelayServer,
    token_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["run", *_options(server, token_file, tmp_path / "cache")]) == 2
    assert "Không tìm thấy trình phát" in capsys.readouterr().err


def test_fault_report_reaches_the_ward(
    clock: FakeClock, server: FakeRelayServer, token_file: Path, tmp_path: Path
) -> None:
    options = _options(server, token_file, tmp_path / "cache")
    code = main(["fault", *options, "--category", "speaker", "Loa đầu ngõ 5 bị rè"], clock=clock)
    assert code == 0
    assert server.faults == [{"category": "speaker", "text": "Loa đầu ngõ 5 bị rè"}]


def test_run_loop_on_the_real_clock_plays_and_reports(tmp_path: Path) -> None:
    real = SystemClock()
    server = FakeRelayServer(real, token=TOKEN).start()
    try:
        server.poll_seconds = 1
        starts = datetime.now(UTC) + timedelta(milliseconds=300)
        server.add_programme(1, starts, duration_ms=400, data=audio_bytes(1, 20_000))
        token_file = tmp_path / "token"
        token_file.write_text(TOKEN)
        config = AgentConfig(server.url, token_file, tmp_path / "cache", player="null")
        agent = Agent(config, real, NullPlayer(real))
        stop = threading.Event()
        runner = threading.Thread(target=run_agent, args=(agent, stop, 0.05))
        runner.start()
        deadline = time.monotonic() + 5
        while not server.played and time.monotonic() < deadline:
            time.sleep(0.05)
        stop.set()
        runner.join(timeout=10)
        agent.close()
    finally:
        server.stop()
    (record,) = server.played.values()
    assert (record["programme_id"], record["outcome"]) == (1, "completed")
    assert not runner.is_alive()


def test_the_agent_needs_nothing_of_the_server_installed() -> None:
    code = (
        "import sys, relay_agent.cli, relay_agent.agent; "
        "bad = {'app', 'audio', 'scheduler', 'fastapi', 'sqlalchemy', 'pydantic'}; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"

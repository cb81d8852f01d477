"""The `loa` command as a station's administrator runs it, in a real subprocess."""

import os
import subprocess
import sys

import pytest

from tests.fixtures.live_server import free_port


def _env(tmp_path, env=None):
    full_env = {**os.environ, "LOA_DATA_DIR": str(tmp_path), "LOA_ENVIRONMENT": "development", **(env or {})}
    full_env.pop("LOA_SECRET_KEY", None)
    return full_env


def _loa(tmp_path, *args, stdin=None, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "app.cli", *args], input=stdin, env=_env(tmp_path, env),
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_init_demo_prints_passwords_once_and_is_idempotent(tmp_path):
    first = _loa(tmp_path, "init", "--demo")
    assert first.returncode == 0, first.stderr
    assert "Đài truyền thanh phường Hà Tu" in first.stdout
    for name in ("ubnd", "bientap", "vanhoa", "khu1"):
        assert name in first.stdout
    second = _loa(tmp_path, "init", "--demo")
    assert second.returncode == 0
    assert "Đã có dữ liệu demo" in second.stdout
    assert "vanhoa" not in second.stdout.split("loa users passwd")[0].split("Đã có")[0]


def test_users_add_reads_the_password_from_stdin(tmp_path):
    assert _loa(tmp_path, "init").returncode == 0
    ok = _loa(tmp_path, "users", "add", "bientap2", "--role", "editor", "--password-stdin",
              stdin="mot-mat-khau-dai\n")
    assert ok.returncode == 0, ok.stderr
    assert "Mật khẩu" not in ok.stdout, "a given password is not echoed"
    dup = _loa(tmp_path, "users", "add", "bientap2", "--role", "editor")
    assert dup.returncode != 0
    assert "đã có người dùng" in dup.stderr
    bad = _loa(tmp_path, "users", "add", "x", "--role", "king")
    assert bad.returncode == 2
    assert "invalid choice" in bad.stderr
    leader = _loa(tmp_path, "users", "add", "khu7", "--role", "leader", "--area", "Khu 7")
    assert leader.returncode != 0
    assert "khu phố" in leader.stderr


def test_production_refuses_the_default_secret_key(tmp_path):
    r = _loa(tmp_path, "serve", env={"LOA_ENVIRONMENT": "production"})
    assert r.returncode == 2
    assert "LOA_SECRET_KEY" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "loa.example"])
def test_serve_refuses_the_default_key_where_other_machines_can_reach_it(tmp_path, host):
    # Were it to serve, it would run until the timeout: that is the failure this guards against.
    r = _loa(tmp_path, "serve", "--host", host, "--port", str(free_port()), "--no-scheduler", timeout=30)
    assert r.returncode == 2
    assert "khóa mặc định công khai" in r.stderr
    assert "published default key" in r.stderr
    assert "--host 127.0.0.1" in r.stderr
    assert "Traceback" not in r.stderr


def test_serve_on_this_machine_with_the_default_key_warns_loudly(tmp_path):
    assert _loa(tmp_path, "init").returncode == 0
    port = free_port()
    lines = []
    with subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--no-scheduler"],
                          env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as server:
        try:
            for line in server.stdout:
                lines.append(line)
                if "Uvicorn running" in line:
                    break
        finally:
            server.terminate()
            server.wait(timeout=30)
    output = "".join(lines)
    assert "Uvicorn running" in output, output
    assert "WARNING" in output
    assert "LOA_SECRET_KEY is the published default key" in output


def test_speak_text_prints_one_line_per_input_line(tmp_path):
    text = "Đại hội XIII của Đảng\n\nHĐND phường họp ngày 22/01/2024 lúc 14h.\n"
    r = subprocess.run([sys.executable, "-m", "app.cli", "speak-text"], input=text.encode(),
                       capture_output=True, env={**os.environ, "LOA_DATA_DIR": str(tmp_path)}, timeout=60)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().split("\n")
    assert lines[:3] == [
        "Đại hội mười ba của Đảng",
        "",
        "hội đồng nhân dân phường họp ngày hai mươi hai tháng một năm hai nghìn không trăm hai mươi tư "
        "lúc mười bốn giờ.",
    ]
    bad = subprocess.run([sys.executable, "-m", "app.cli", "speak-text"], input=b"\xff\xfeabc",
                         capture_output=True, env={**os.environ, "LOA_DATA_DIR": str(tmp_path)}, timeout=60)
    assert bad.returncode == 1
    assert bad.stdout == b""
    assert "UTF-8" in bad.stderr.decode()


def test_say_writes_a_playable_mp3_offline(tmp_path):
    from audio.ffmpeg import probe

    out = tmp_path / "tin.mp3"
    r = subprocess.run([sys.executable, "-m", "app.cli", "say", "UBND phường thông báo lịch cắt nước.",
                        "-o", str(out), "--voice", "vi-VN-x-south"], capture_output=True, text=True,
                       env={**os.environ, "LOA_DATA_DIR": str(tmp_path)}, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "eSpeak NG" in r.stderr
    info = probe(out)
    assert info.duration_seconds is not None
    assert info.duration_seconds > 1.5
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)


@pytest.mark.slow
def test_plan_prints_each_slot_filled_to_its_length(tmp_path):
    from datetime import date, timedelta

    assert _loa(tmp_path, "init", "--demo").returncode == 0
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    r = _loa(tmp_path, "plan", "--station", "1", "--date", tomorrow)
    assert r.returncode == 0, r.stderr
    assert "== morning" in r.stdout
    assert "== afternoon" in r.stdout
    assert "opening" in r.stdout
    assert "closing" in r.stdout
    assert "priority" in r.stdout, "the priority column names the level"
    assert "(30:00.0)" in r.stdout
    bad = _loa(tmp_path, "plan", "--station", "1", "--date", "31/12/2026")
    assert bad.returncode == 2
    assert "YYYY-MM-DD" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_users_passwd_refuses_a_common_password(tmp_path):
    assert _loa(tmp_path, "init").returncode == 0
    assert _loa(tmp_path, "users", "add", "quantri", "--role", "admin").returncode == 0
    weak = _loa(tmp_path, "users", "passwd", "quantri", "--password-stdin", stdin="matkhau123\n")
    assert weak.returncode == 1
    assert "mật khẩu phổ biến" in weak.stderr
    weak = _loa(tmp_path, "users", "add", "bientap3", "--role", "editor", "--password-stdin",
                stdin="anhyeuem123\n")
    assert weak.returncode == 1
    assert "mật khẩu phổ biến" in weak.stderr


def test_serve_refuses_a_database_whose_migrations_are_pending_and_says_the_command(tmp_path):
    # A code upgrade without `loa db upgrade` would answer requests with 500s: refuse to start.
    from app.db import make_engine
    from app.migrate import downgrade

    assert _loa(tmp_path, "init").returncode == 0
    engine = make_engine(f"sqlite:///{tmp_path / 'loa.db'}")
    downgrade(engine, "-1")
    engine.dispose()
    served = _loa(tmp_path, "serve", "--port", str(free_port()), timeout=60)
    assert served.returncode == 1
    assert "loa db upgrade" in served.stderr
    assert _loa(tmp_path, "db", "upgrade").returncode == 0


def test_serve_refuses_a_job_queue_it_cannot_use_and_says_why(tmp_path):
    # LOA_QUEUE=procrastinate needs PostgreSQL: every send would fail, so the server does not start.
    assert _loa(tmp_path, "init").returncode == 0
    served = _loa(tmp_path, "serve", "--port", str(free_port()), env={"LOA_QUEUE": "procrastinate"}, timeout=60)
    assert served.returncode == 1
    assert "LOA_QUEUE=procrastinate" in served.stderr
    assert "PostgreSQL" in served.stderr
    assert "Traceback" not in served.stderr


@pytest.mark.slow
def test_org_commands_build_a_province_and_its_accounts(tmp_path):
    assert _loa(tmp_path, "init", "--demo").returncode == 0
    assert _loa(tmp_path, "org", "add", "Tỉnh Quảng Ninh", "--kind", "province").returncode == 0
    district = _loa(tmp_path, "org", "add", "Thành phố Hạ Long", "--kind", "district", "--parent", "Tỉnh Quảng Ninh")
    assert district.returncode == 0, district.stderr
    orphan = _loa(tmp_path, "org", "add", "Huyện Mồ Côi", "--kind", "district")
    assert orphan.returncode != 0
    assert "--parent" in orphan.stderr
    under_district = _loa(tmp_path, "org", "add", "Xã Lạ", "--kind", "district", "--parent", "Thành phố Hạ Long")
    assert under_district.returncode != 0
    assert "là một huyện" in under_district.stderr
    again = _loa(tmp_path, "org", "add", "Tỉnh Quảng Ninh", "--kind", "province")
    assert again.returncode != 0
    assert "Đã có tổ chức" in again.stderr
    assigned = _loa(tmp_path, "org", "assign", "Đài truyền thanh phường Hà Tu", "--organisation", "Thành phố Hạ Long")
    assert assigned.returncode == 0, assigned.stderr
    nowhere = _loa(tmp_path, "org", "assign", "Đài Không Có", "--organisation", "Thành phố Hạ Long")
    assert nowhere.returncode != 0
    assert "không có đài" in nowhere.stderr
    listed = _loa(tmp_path, "org", "list").stdout
    assert listed.index("Tỉnh Quảng Ninh") < listed.index("Thành phố Hạ Long") < listed.index("phường Hà Tu")
    account = _loa(tmp_path, "users", "add", "tinh-bientap", "--role", "editor", "--organisation", "Tỉnh Quảng Ninh")
    assert account.returncode == 0, account.stderr
    unknown = _loa(tmp_path, "users", "add", "tinh-lac", "--role", "editor", "--organisation", "Tỉnh Lạ")
    assert unknown.returncode != 0
    assert "Không có tổ chức" in unknown.stderr
    leader = _loa(tmp_path, "users", "add", "tinh-khu", "--role", "leader", "--organisation", "Tỉnh Quảng Ninh")
    assert leader.returncode != 0

"""The `loa` command."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from collections.abc import Callable, Sequence

from pydantic import ValidationError

from app import programme_commands
from app.config import get_settings
from app.speech import voice_commands

Handler = Callable[[argparse.Namespace], int]


def _upgrade_database() -> None:
    """Loa's migrations, then (on PostgreSQL) the job queue's tables if they are missing."""
    from app.db import get_engine
    from app.migrate import upgrade

    upgrade(get_engine())
    if get_settings().sqlalchemy_url.startswith("postgresql"):
        from app.queue_tasks import apply_schema

        with get_engine().begin() as connection:
            if apply_schema(connection):
                print("Đã tạo bảng hàng đợi việc (job queue tables created).")


def _cmd_db_upgrade(_args: argparse.Namespace) -> int:
    _upgrade_database()
    print("Cơ sở dữ liệu đã được cập nhật (database upgraded).")
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    from app.db import session_factory

    _upgrade_database()
    print(f"Cơ sở dữ liệu: {get_settings().sqlalchemy_url}")
    if args.demo:
        from app.demo import create_demo

        with session_factory()() as session:
            report = create_demo(session)
            session.commit()
        print(report)
    return 0


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach the address (a host name other than localhost: no)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _refuse_default_key_off_loopback(host: str) -> bool:
    from app.config import DEFAULT_SECRET_KEY

    if get_settings().secret_key != DEFAULT_SECRET_KEY or is_loopback(host):
        return False
    print(f"Lỗi: LOA_SECRET_KEY vẫn là khóa mặc định công khai, ai cũng giả mạo được phiên đăng nhập, "
          f"nên Loa không chạy trên địa chỉ {host} mà máy khác truy cập được. Hãy đặt LOA_SECRET_KEY "
          "là một chuỗi ngẫu nhiên dài, hoặc chạy với --host 127.0.0.1.\n"
          f"Error: LOA_SECRET_KEY is the published default key, with which anyone can forge a sign-in: "
          f"refusing to serve on {host}, which other machines can reach. Set LOA_SECRET_KEY to a long "
          "random value, or serve on 127.0.0.1.\n"
          "  export LOA_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')",
          file=sys.stderr)
    return True


def _schema_behind() -> bool:
    """A database the code's migrations have not reached answers requests with errors: refuse to
    start instead, saying the command to run."""
    from app.db import get_engine
    from app.migrate import pending

    current, head = pending(get_engine())
    if current == head:
        return _queue_misconfigured()
    print(f"Lỗi: cơ sở dữ liệu ở phiên bản {current or '(trống)'}, mã nguồn cần {head}. Chạy: loa db upgrade\n"
          f"Error: the database is at revision {current or '(empty)'}, this Loa needs {head}. "
          "Run: loa db upgrade", file=sys.stderr)
    return True


def _queue_misconfigured() -> bool:
    """LOA_QUEUE=procrastinate on a database that cannot hold the queue would answer every send with
    an error: refuse to start instead, saying what to fix."""
    from app.work_queue import QueueMisconfigured, queue_on

    try:
        queue_on()
    except QueueMisconfigured as exc:
        print(f"Lỗi: hàng đợi việc (LOA_QUEUE=procrastinate) chưa dùng được: {exc.message_vi}\n"
              f"Error: the job queue (LOA_QUEUE=procrastinate) cannot be used: {exc}", file=sys.stderr)
        return True
    return False


SHUTDOWN_GRACE_SECONDS = 5


def _cmd_serve(args: argparse.Namespace) -> int:
    import logging

    import uvicorn

    from app.main import create_app

    if _refuse_default_key_off_loopback(args.host):
        return 2
    if _schema_behind():
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    leader = None
    if get_settings().scheduler_enabled and not args.no_scheduler:
        from app.scheduling import start_leader

        leader = start_leader()
    print(f"Loa đang chạy tại http://{args.host}:{args.port}  (API: /docs)", flush=True)
    app = create_app()
    if leader is not None:
        app.state.stop_on_shutdown = [leader.stop]
    try:
        # A stop waits this long for requests still answering: a relay point's live stream never ends
        # and a paused audio player stops reading, and neither may hold a restart back.
        uvicorn.run(app, host=args.host, port=args.port, log_level="info",
                    timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS)
    finally:
        if leader is not None:
            leader.stop()
    return 0


def _cmd_worker(args: argparse.Namespace) -> int:
    """Take render jobs from the queue (PostgreSQL) and, unless told not to, compete for running
    the periodic jobs (one process of the installation runs them); on SQLite: the scheduler alone."""
    import logging

    from app.scheduling import SchedulerLeader, start_leader

    if _schema_behind():
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    queue = settings.queue != "off" and settings.sqlalchemy_url.startswith("postgresql")
    if not queue and args.no_scheduler:
        print("Lỗi: không có gì để chạy: hàng đợi việc cần PostgreSQL (LOA_DATABASE_URL) và LOA_QUEUE khác off "
              "(nothing to run: the job queue needs PostgreSQL and LOA_QUEUE other than off).", file=sys.stderr)
        return 2
    leader: SchedulerLeader | None = None if args.no_scheduler else start_leader()
    try:
        if queue:
            import asyncio

            from app.queue_tasks import run_worker

            print(f"Loa đang nhận việc từ hàng đợi ({args.concurrency} việc cùng lúc; Ctrl+C để dừng).", flush=True)
            asyncio.run(run_worker(args.concurrency))
        else:
            _wait_for_stop()
    except KeyboardInterrupt:
        pass
    finally:
        if leader is not None:
            leader.stop()
    return 0


def _wait_for_stop() -> None:
    import signal
    import threading

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print("Bộ lập lịch Loa đang chạy (Ctrl+C để dừng).", flush=True)
    stop.wait()


def _cmd_cleanup(args: argparse.Namespace) -> int:
    from app.db import session_factory
    from app.speech.audio import storage
    from app.system import retention

    with session_factory()() as session:
        report = retention.cleanup(session, storage(), dry_run=args.dry_run)
        if not args.dry_run:
            session.commit()
    for line in retention.describe(report):
        print(line)
    return 0


def _audio_on_object_storage() -> bool:
    """With LOA_STORAGE_URL=s3://…, `loa backup` and `loa restore` would see only the local cache."""
    from app.speech.audio import audio_settings

    url = audio_settings().storage_url
    if url and not url.startswith("file:"):
        print("Lỗi: kho âm thanh nằm trên object storage (LOA_STORAGE_URL); loa backup chỉ sao lưu được kho trên "
              "đĩa. Hãy sao lưu bucket bằng công cụ của nó (vd. rclone sync, mc mirror) và dùng pg_dump cho "
              "cơ sở dữ liệu.\nError: the audio store is object storage (LOA_STORAGE_URL); back the bucket up "
              "with its own tools (e.g. rclone sync, mc mirror) and the database with pg_dump.", file=sys.stderr)
        return True
    return False


def _cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.backup import service as backups
    from app.backup.archive import ArchiveError
    from app.db import get_engine
    from app.speech.audio import audio_settings
    from app.system.retention import format_bytes

    if _audio_on_object_storage():
        return 1
    try:
        done = backups.backup(get_engine(), get_settings().sqlalchemy_url, audio_settings().audio_dir,
                              Path(args.output))
    except ArchiveError as exc:
        print(f"Lỗi: {exc.message_vi}\nError: {exc.message_en}", file=sys.stderr)
        return 1
    print(f"Đã sao lưu (backed up) vào {done.archive}: cơ sở dữ liệu (migration {done.alembic_revision}) và "
          f"{done.audio_files} tệp âm thanh, {format_bytes(done.bytes)}, {done.seconds:.1f} s.")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.backup import service as backups
    from app.backup.archive import ArchiveError
    from app.db import get_engine
    from app.speech.audio import audio_settings
    from app.system.retention import format_bytes

    if _audio_on_object_storage():
        return 1
    try:
        done = backups.restore(get_engine(), get_settings().sqlalchemy_url, audio_settings().audio_dir,
                               Path(args.archive), force=args.force)
    except ArchiveError as exc:
        print(f"Lỗi: {exc.message_vi}\nError: {exc.message_en}", file=sys.stderr)
        return 1
    print(f"Đã khôi phục (restored) từ {done.archive}: cơ sở dữ liệu và {done.audio_files} tệp âm thanh, "
          f"{format_bytes(done.bytes)}, mọi mã sha256 đều khớp (all checksums match), {done.seconds:.1f} s.")
    return 0


def _read_password(args: argparse.Namespace) -> str | None:
    if not args.password_stdin:
        return None
    password = sys.stdin.readline().rstrip("\r\n")
    return password or None


def _cmd_users_add(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.db import session_factory
    from app.errors import LoaError
    from app.models import Area, Role
    from app.organisations import service as org_service
    from app.users import service
    from app.users.schemas import UserCreate

    with session_factory()() as session:
        area_id = None
        if args.area:
            area = session.scalar(select(Area).where(Area.name == args.area)) if not args.area.isdigit() \
                else session.get(Area, int(args.area))
            if area is None:
                print(f"Lỗi: không có khu phố “{args.area}” (no such area).", file=sys.stderr)
                return 2
            area_id = area.id
        try:
            organisation_id = org_service.by_name(session, args.organisation).id if args.organisation else None
            data = UserCreate(username=args.name, role=Role(args.role), area_id=area_id,
                              station_id=args.station, organisation_id=organisation_id,
                              full_name=args.full_name or "", password=_read_password(args))
            user, generated = service.create(session, data, actor=None)
            session.commit()
        except LoaError as exc:
            print(f"Lỗi: {exc.detail}", file=sys.stderr)
            return 1
        except ValueError as exc:
            print(f"Lỗi: dữ liệu không hợp lệ (invalid input): {exc}", file=sys.stderr)
            return 2
    print(f"Đã tạo người dùng {user.username} ({user.role.value}).")
    if generated:
        print(f"Mật khẩu (chỉ hiện một lần): {generated}")
    return 0


def _cmd_users_passwd(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.auth.security import generate_password
    from app.auth.service import set_password
    from app.db import session_factory
    from app.errors import LoaError
    from app.models import User

    with session_factory()() as session:
        user = session.scalar(select(User).where(User.username == args.name))
        if user is None:
            print(f"Lỗi: không có người dùng “{args.name}” (no such user).", file=sys.stderr)
            return 1
        password = _read_password(args)
        generated = password is None
        password = password or generate_password()
        try:
            set_password(session, user, password)
        except LoaError as exc:
            print(f"Lỗi: {exc.detail}", file=sys.stderr)
            return 1
        session.commit()
    print(f"Đã đặt lại mật khẩu cho {args.name}." + (f" Mật khẩu mới: {password}" if generated else ""))
    return 0


def _station_abbreviations(station_id: int | None) -> dict[str, str] | None:
    if station_id is None:
        return None
    from app.db import session_factory
    from app.errors import LoaError
    from app.stations import service as stations

    with session_factory()() as session:
        try:
            return dict(stations.get(session, station_id).abbreviations or {})
        except LoaError as exc:
            raise SystemExit(f"Lỗi: {exc.detail}") from exc


def _cmd_speak_text(args: argparse.Namespace) -> int:
    from audio.speech_text import speak_text_command

    return speak_text_command(sys.stdin.buffer, sys.stdout, _station_abbreviations(args.station))


def _cmd_abbreviations(args: argparse.Namespace) -> int:
    from app.db import session_factory
    from app.errors import LoaError
    from app.speech import service as speech
    from app.stations import service as stations

    with session_factory()() as session:
        try:
            station = stations.get(session, args.station)
            if args.abbr_command == "list":
                for key, value in speech.effective_abbreviations(station).items():
                    print(f"{key}\t{value}")
                return 0
            if args.abbr_command == "set":
                speech.set_abbreviations(session, station, {args.key: args.spoken}, actor=None)
            elif speech.remove_abbreviation(session, station, args.key, actor=None) is None:
                print(f"Lỗi: đài chưa có chữ viết tắt riêng “{args.key}”.", file=sys.stderr)
                return 1
            session.commit()
        except LoaError as exc:
            print(f"Lỗi: {exc.detail}", file=sys.stderr)
            return 1
    print("Đã lưu (saved).")
    return 0


def _cmd_say(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.speech.audio import ENGINE_NAMES, audio_settings
    from audio.speech_text import to_spoken
    from audio.tts.say import say_command

    text = " ".join(args.text) if args.text else sys.stdin.read()
    spoken = to_spoken(text).strip()
    if not spoken:
        print("Lỗi: không có gì để đọc (nothing to say).", file=sys.stderr)
        return 2
    return say_command(spoken, Path(args.output), voice=args.voice, engine=ENGINE_NAMES[args.engine],
                       rate=args.rate, pitch=args.pitch, neural_voice=args.neural_voice,
                       settings=audio_settings())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loa", description="Loa — đài truyền thanh cơ sở")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", help="tạo/cập nhật cơ sở dữ liệu (create or upgrade the database)")
    p.add_argument("--demo", action="store_true", help="thêm đài, người dùng và tin bài mẫu")
    p.set_defaults(handler=_cmd_init)

    p = sub.add_parser("serve", help="chạy máy chủ web và bộ lập lịch (run the server)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-scheduler", action="store_true", help="không chạy bộ lập lịch trong tiến trình này")
    p.set_defaults(handler=_cmd_serve)

    p = sub.add_parser("worker", help="nhận việc dựng âm thanh từ hàng đợi (PostgreSQL) và chạy bộ lập lịch "
                       "(take render jobs; on SQLite: run the scheduler alone)")
    p.add_argument("--concurrency", type=int, default=1,
                   help="số việc cùng lúc trong tiến trình này (mặc định 1: chạy nhiều tiến trình thì nhanh hơn)")
    p.add_argument("--no-scheduler", action="store_true", help="chỉ nhận việc, không chạy bộ lập lịch")
    p.set_defaults(handler=_cmd_worker)

    p = sub.add_parser("render", help="dựng âm thanh chương trình: loa render --station 1 --date 2026-11-23")
    p.add_argument("--station", type=int, required=True)
    p.add_argument("--date", help="YYYY-MM-DD (mặc định: hôm nay)")
    p.add_argument("--slot", help="chỉ một khung giờ (vd. morning)")
    p.set_defaults(handler=programme_commands.render)

    p = sub.add_parser("plan", help="lập và in chương trình một ngày: loa plan --station 1 --date 2026-11-23")
    p.add_argument("--station", type=int, required=True)
    p.add_argument("--date", help="YYYY-MM-DD (mặc định: hôm nay)")
    p.set_defaults(handler=programme_commands.plan)

    db = sub.add_parser("db", help="cơ sở dữ liệu").add_subparsers(dest="db_command", required=True)
    p = db.add_parser("upgrade", help="áp dụng các migration (apply migrations)")
    p.set_defaults(handler=_cmd_db_upgrade)

    p = sub.add_parser("cleanup", help="xóa âm thanh chương trình đã phát quá hạn lưu trữ (audio retention)")
    p.add_argument("--dry-run", action="store_true", help="chỉ in những gì sẽ xóa (print what would go)")
    p.set_defaults(handler=_cmd_cleanup)

    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu và kho âm thanh: loa backup /mnt/sao-luu/")
    p.add_argument("output", help="tệp .tar, hoặc thư mục để đặt tệp có ngày giờ")
    p.set_defaults(handler=_cmd_backup)

    p = sub.add_parser("restore", help="khôi phục từ bản sao lưu (dừng Loa trước): loa restore loa-backup.tar")
    p.add_argument("archive")
    p.add_argument("--force", action="store_true", help="ghi đè một cài đặt đã có dữ liệu")
    p.set_defaults(handler=_cmd_restore)

    users = sub.add_parser("users", help="người dùng").add_subparsers(dest="users_command", required=True)
    p = users.add_parser("add", help="thêm người dùng (add a user)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["officer", "editor", "leader", "admin"])
    p.add_argument("--area", help="khu phố (tên hoặc số) — bắt buộc với leader")
    p.add_argument("--station", type=int, help="số của đài")
    p.add_argument("--organisation", help="tên tỉnh hoặc huyện: tài khoản của tỉnh, huyện (không gắn với đài)")
    p.add_argument("--full-name", dest="full_name")
    p.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")
    p.set_defaults(handler=_cmd_users_add)
    p = users.add_parser("passwd", help="đặt lại mật khẩu (reset a password)")
    p.add_argument("name")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(handler=_cmd_users_passwd)

    p = sub.add_parser("speak-text", help="in ra cách đọc của văn bản từ stdin (spoken form)")
    p.add_argument("--station", type=int, help="dùng thêm chữ viết tắt riêng của đài")
    p.set_defaults(handler=_cmd_speak_text)

    sub.add_parser("relay", help="trình tiếp sóng của cụm loa: loa relay run|sync|status|fault --help",
                   add_help=False)

    p = sub.add_parser("say", help="đọc văn bản ra tệp âm thanh: loa say \"văn bản\" -o tin.mp3")
    p.add_argument("text", nargs="*", help="văn bản (bỏ trống để đọc từ stdin)")
    p.add_argument("-o", "--output", required=True, help="tệp .mp3, .wav hoặc .ogg")
    p.add_argument("--voice", default="vi", choices=["vi", "vi-VN-x-central", "vi-VN-x-south"],
                   help="giọng: vi (Bắc), vi-VN-x-central (Trung), vi-VN-x-south (Nam)")
    p.add_argument("--engine", default="offline", choices=["offline", "gtts", "neural"])
    p.add_argument("--neural-voice", help="giọng nơ-ron đã cài (installed neural voice, `loa voices list`)")
    p.add_argument("--rate", type=int, help="tốc độ (từ/phút), 80–450")
    p.add_argument("--pitch", type=int, help="cao độ 0–99")
    p.set_defaults(handler=_cmd_say)

    voice_commands.add_parser(sub)
    from app.reports import command as report_command

    report_command.add_parser(sub)
    from app.organisations import commands as org_commands

    org_commands.add_parser(sub)

    abbr = sub.add_parser("abbreviations", help="chữ viết tắt của đài").add_subparsers(
        dest="abbr_command", required=True)
    p = abbr.add_parser("list", help="liệt kê (list)")
    p.add_argument("--station", type=int, required=True)
    p.set_defaults(handler=_cmd_abbreviations)
    p = abbr.add_parser("set", help="thêm hoặc sửa: loa abbreviations set UBND 'ủy ban nhân dân'")
    p.add_argument("key")
    p.add_argument("spoken", help="cách đọc; chuỗi rỗng để tắt một chữ có sẵn")
    p.add_argument("--station", type=int, required=True)
    p.set_defaults(handler=_cmd_abbreviations)
    p = abbr.add_parser("remove", help="xóa chữ viết tắt riêng của đài")
    p.add_argument("key")
    p.add_argument("--station", type=int, required=True)
    p.set_defaults(handler=_cmd_abbreviations)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["relay"]:
        # The relay agent has its own command line: it also runs alone on a relay point's box.
        from relay_agent.cli import main as relay_main

        return relay_main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        get_settings()
    except ValidationError as exc:
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "LOA_*"
            print(f"Lỗi cấu hình (configuration error) {where}: {err['msg']}", file=sys.stderr)
        return 2
    handler: Handler = args.handler
    try:
        return handler(args)
    except BrokenPipeError:  # `loa plan … | head`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())

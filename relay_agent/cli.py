"""Command line of the relay agent: `loa relay run|sync|status|fault`."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from relay_agent.agent import Agent
from relay_agent.clock import Clock, SystemClock
from relay_agent.config import AgentConfig
from relay_agent.errors import RelayAgentError
from relay_agent.player import NullPlayer, make_player
from relay_agent.runner import run_agent
from relay_agent.status import status_text

FAULT_CATEGORIES = ("speaker", "amplifier", "power", "network", "other")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loa relay", description="Cụm loa tiếp sóng của Loa (Loa relay agent)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    connection = argparse.ArgumentParser(add_help=False)
    add = connection.add_argument
    add("--server", required=True, help="địa chỉ máy chủ Loa, vd https://loa.example.vn")
    add("--token-file", required=True, type=Path, help="tệp chứa mã truy cập")
    add("--cache", required=True, type=Path, help="thư mục lưu lịch và âm thanh")
    add("--player", default=None, help="lệnh phát có {file} và {offset_seconds}, hoặc null")
    connection.add_argument("--hours", type=int, default=48, help="số giờ lịch cần tải trước")
    connection.add_argument(
        "--overrun-grace", type=float, default=30.0, metavar="GIÂY",
        help="buộc dừng trình phát chạy quá giờ kết thúc chừng này giây (mặc định 30)",
    )
    connection.add_argument("-q", "--quiet", action="store_true", help="chỉ ghi cảnh báo và lỗi")
    commands.add_parser("run", parents=[connection], help="chạy liên tục: đồng bộ và phát đúng giờ")
    commands.add_parser("sync", parents=[connection], help="đồng bộ một lần rồi thoát (cho cron)")
    status = commands.add_parser("status", help="tình trạng cụm loa, đọc từ bộ nhớ đệm")
    status.add_argument("--cache", required=True, type=Path)
    fault = commands.add_parser("fault", parents=[connection], help="báo hỏng thiết bị về đài")
    fault.add_argument("--category", choices=FAULT_CATEGORIES, default="other")
    fault.add_argument("text", help="mô tả sự cố")
    return parser


def _config(args: argparse.Namespace) -> AgentConfig:
    return AgentConfig(
        server=args.server,
        token_file=args.token_file,
        cache_dir=args.cache,
        player=args.player,
        hours=args.hours,
        overrun_grace_seconds=args.overrun_grace,
    )


def main(argv: list[str] | None = None, clock: Clock | None = None) -> int:
    """Run `loa relay <command>`; return the process exit code."""
    args = _parser().parse_args(argv)
    clock = clock or SystemClock()
    if args.command == "status":
        print(status_text(args.cache, clock.now()))
        return 0
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
    )
    # httpx logs every request at INFO: one line per poll would bury what the agent does.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    config = _config(args)
    try:
        if args.command == "run":
            return _run(config, clock)
        if args.command == "sync":
            return _sync(config, clock)
        return _fault(config, clock, args.category, args.text)
    except RelayAgentError as error:
        print(f"Lỗi: {error.message_vi}\n(Error: {error.message_en})", file=sys.stderr)
        return 2


def _run(config: AgentConfig, clock: Clock) -> int:
    player = make_player(config.player, clock, config.cache_dir)
    agent = Agent(config, clock, player)
    stop = threading.Event()

    def _stop(signum: int, _frame: FrameType | None) -> None:
        logging.getLogger("relay_agent").info("Nhận tín hiệu %d, dừng (signal, stopping)", signum)
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
    try:
        run_agent(agent, stop)
    finally:
        agent.close()
    return 0


def _sync(config: AgentConfig, clock: Clock) -> int:
    agent = Agent(config, clock, NullPlayer(clock))
    try:
        report = agent.sync_once(heartbeat=False)
    finally:
        agent.close()
    horizon = agent.cached_until(clock.now())
    if report.ok:
        print(
            f"Đồng bộ xong: tải {report.downloaded} tệp, gửi {report.delivered} bản ghi, "
            f"đã có đủ âm thanh đến {horizon.isoformat() if horizon else 'chưa có'} "
            f"(sync ok)"
        )
        return 0
    print(f"Đồng bộ lỗi: {report.error}", file=sys.stderr)
    return 1


def _fault(config: AgentConfig, clock: Clock, category: str, text: str) -> int:
    agent = Agent(config, clock, NullPlayer(clock))
    agent.store.enqueue("fault", {"category": category, "text": text}, clock.now())
    try:
        agent.store.deliver(agent.client.post)
    except RelayAgentError as error:
        print(
            f"Đã ghi báo hỏng, sẽ gửi khi có mạng ({error.message_vi})\n"
            f"(fault saved, will be sent when the server is reachable)"
        )
        return 1
    finally:
        agent.close()
    print("Đã gửi báo hỏng về đài (fault reported)")
    return 0

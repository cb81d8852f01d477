"""One sync: fetch the schedule (conditionally), deliver the outbox, download, clean up."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from relay_agent.cache import Cache, DownloadPaused
from relay_agent.client import RelayClient
from relay_agent.clock import Clock
from relay_agent.config import AgentConfig, read_token
from relay_agent.errors import RelayAgentError, ServerUnreachable, TokenRejected
from relay_agent.outbox import Store
from relay_agent.schedule import Schedule, merge_schedule, parse_schedule

log = logging.getLogger("relay_agent.sync")

CLOCK_SKEW_WARNING_SECONDS = 60.0
SAVE_SUCCESS_EVERY = timedelta(minutes=5)


@dataclass
class SyncReport:
    """What one sync achieved."""

    ok: bool = True
    schedule_changed: bool = False
    downloaded: int = 0
    delivered: int = 0
    removed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def error(self) -> str | None:
        """The first error, or None when everything went well."""
        return self.errors[0] if self.errors else None


def _passed(clock: Clock, deadline: datetime) -> Callable[[], bool]:
    return lambda: clock.now() >= deadline


class Syncer:
    """Keeps the cache in step with the server; the schedule it holds survives restarts."""

    def __init__(
        self, config: AgentConfig, cache: Cache, store: Store, client: RelayClient, clock: Clock
    ) -> None:
        self.config = config
        self.clock = clock
        self.cache = cache
        self.store = store
        self.client = client
        self.schedule: Schedule | None = cache.load_schedule()
        self.failures = 0  # consecutive syncs that could not reach the server
        self.rejected_token: str | None = None
        self._last_success_saved: datetime | None = None

    def sync_once(self, keep: Callable[[], set[str]]) -> SyncReport:
        """Run one sync; `keep` gives sha256s that must not be deleted (playing now)."""
        report = SyncReport()
        now = self.clock.now()
        try:
            while True:
                # A long download pauses at each poll interval to look at the schedule again:
                # an emergency bulletin must not wait behind tomorrow's 30-minute programme.
                now = self.clock.now()
                deadline = now + timedelta(seconds=self.poll_seconds())
                self._fetch_schedule(now, report)
                report.delivered += self.store.deliver(self.client.post)
                if self._download(now, report, _passed(self.clock, deadline)):
                    break
                log.info("Tạm dừng tải để hỏi lịch mới (download paused to poll the schedule)")
            self.failures = 0
            self.rejected_token = None
        except TokenRejected as error:
            self.rejected_token = self._current_token()
            self._fail(report, error)
            log.error(
                "!!! MÃ TRUY CẬP BỊ TỪ CHỐI — cụm loa vẫn phát lịch đã lưu, nhưng không nhận "
                "lịch mới. Xin mã mới ở đài phường. (TOKEN REJECTED: %s %s)",
                error.code,
                error.detail,
            )
        except ServerUnreachable as error:
            self.failures += 1
            self._fail(report, error)
            log.warning("Mất kết nối máy chủ, phát từ bộ nhớ đệm (offline): %s", error)
        except RelayAgentError as error:
            self.failures += 1
            self._fail(report, error)
            log.error("Đồng bộ lỗi (sync failed): %s", error)
        finally:
            report.removed = self._clean_up(now, keep())
        if report.ok:
            self._remember_success(now)
        return report

    def _remember_success(self, now: datetime) -> None:
        # Only for `status`: written every few minutes, not every poll, to spare the SD card.
        if self._last_success_saved is None or now - self._last_success_saved >= SAVE_SUCCESS_EVERY:
            self.store.set_meta("last_sync_ok_at", now.isoformat())
            self._last_success_saved = now

    def _fail(self, report: SyncReport, error: Exception) -> None:
        report.ok = False
        report.errors.append(str(error))

    def _current_token(self) -> str | None:
        try:
            return read_token(self.config.token_file)
        except RelayAgentError:
            return None

    def token_replaced(self) -> bool:
        """True when the token was rejected and the token file now holds another one."""
        return self.rejected_token is not None and self._current_token() not in (
            None,
            self.rejected_token,
        )

    def _fetch_schedule(self, now: datetime, report: SyncReport) -> None:
        etag = self.schedule.etag if self.schedule is not None else None
        response = self.client.get_schedule(self.config.hours, etag)
        if response.body is None:
            return  # 304: what we hold is current
        fresh = parse_schedule(response.body, response.etag)
        self.schedule = merge_schedule(self.schedule, fresh, now, self.store.is_done)
        self.cache.save_schedule(self.schedule)
        report.schedule_changed = True
        emergency = fresh.emergency
        log.info(
            "Nhận lịch mới: %d chương trình%s (new schedule)",
            len(fresh.programmes),
            f", BẢN TIN KHẨN #{emergency.id} «{emergency.title}»" if emergency else "",
        )
        skew = (fresh.generated_at - now).total_seconds()
        if abs(skew) > CLOCK_SKEW_WARNING_SECONDS:
            message = (
                f"Đồng hồ máy lệch {skew:+.0f} giây so với máy chủ: hãy bật NTP "
                f"(clock is {skew:+.0f} s off the server's; programmes start by this clock)"
            )
            log.warning(message)
            report.errors.append(message)

    def poll_seconds(self) -> float:
        """The server's poll interval (30 s until a schedule says otherwise)."""
        poll = self.schedule.poll_seconds if self.schedule is not None else 30.0
        return max(self.config.min_poll_seconds, poll)

    def _download(
        self, now: datetime, report: SyncReport, should_pause: Callable[[], bool]
    ) -> bool:
        """Fetch missing files, most urgent first; False when paused to poll again."""
        if self.schedule is None:
            return True
        for audio in self.schedule.audio_files(now):
            try:
                if self.cache.ensure(self.client, audio, should_pause):
                    report.downloaded += 1
            except DownloadPaused:
                return False
            except (ServerUnreachable, TokenRejected):
                raise  # the next files would fail the same way
            except RelayAgentError as error:
                # One bad file must not keep the others from being fetched.
                report.ok = False
                report.errors.append(str(error))
                log.error("Không tải được %s: %s", audio.url, error)
            except OSError as error:  # disk full or SD card failing: say so, keep going
                report.ok = False
                message = (
                    f"Lỗi ghi thẻ nhớ/đĩa khi lưu {audio.sha256[:12]}: {error.strerror} "
                    f"(disk error: {error.strerror})"
                )
                report.errors.append(message)
                log.error(message)
        return True

    def _clean_up(self, now: datetime, playing: set[str]) -> int:
        if self.schedule is None:
            return 0
        keep = {audio.sha256 for audio in self.schedule.audio_files(now)} | playing
        removed = self.cache.remove_unused(keep)
        for name in removed:
            log.info("Xoá tệp không còn dùng %s (removed unused file)", name)
        return len(removed)

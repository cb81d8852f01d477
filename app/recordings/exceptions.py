from app.errors import NotFound, ServiceUnavailable, Unprocessable


class RecordingNotFound(NotFound):
    def __init__(self, recording_id: int) -> None:
        super().__init__(f"Không có bản ghi âm số {recording_id}.", detail_en=f"No recording {recording_id}.")


class RecordingRefused(Unprocessable):
    """An upload that is not usable audio: the detail says what to fix."""


class RecordingsBusy(ServiceUnavailable):
    """Every decode slot is taken: the upload is refused for now, not queued without end."""

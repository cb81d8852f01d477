from app.errors import Unprocessable


class SpeechFailed(Unprocessable):
    """Speech could not be produced: the detail says why."""

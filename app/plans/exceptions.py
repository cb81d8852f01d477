from app.errors import NotFound, Unprocessable


class ThemeNotFound(NotFound):
    def __init__(self, theme_id: int) -> None:
        super().__init__(f"Không có chủ đề tuyên truyền số {theme_id}.", detail_en=f"No theme {theme_id}.")


class InvalidThemeDates(Unprocessable):
    pass

"""The errors of the organisation tree (province → district → station)."""

from app.errors import Conflict, NotFound, Unprocessable


class OrganisationNotFound(NotFound):
    def __init__(self, organisation: int | str) -> None:
        what = f"số {organisation}" if isinstance(organisation, int) else f"“{organisation}”"
        super().__init__(f"Không có tổ chức (tỉnh, huyện) {what}.",
                         detail_en=f"No organisation (province or district) {organisation!r}.")


class OrganisationNameTaken(Conflict):
    def __init__(self, name: str) -> None:
        super().__init__(f"Đã có tổ chức tên “{name}”; hãy chọn tên khác.",
                         detail_en=f"An organisation named {name!r} already exists: choose another name.")


class DistrictNeedsProvince(Unprocessable):
    def __init__(self) -> None:
        super().__init__("Huyện phải thuộc một tỉnh: hãy chọn tỉnh (parent_id).",
                         detail_en="A district belongs to a province: give parent_id.")


class ProvinceHasNoParent(Unprocessable):
    def __init__(self) -> None:
        super().__init__("Tỉnh là cấp cao nhất, không thuộc tổ chức nào: bỏ parent_id.",
                         detail_en="A province is the top of the tree: leave parent_id out.")


class ParentNotAProvince(Unprocessable):
    def __init__(self, name: str) -> None:
        super().__init__(f"“{name}” là một huyện: huyện chỉ thuộc một tỉnh, không thuộc huyện khác.",
                         detail_en=f"{name!r} is a district: a district belongs to a province, not to a district.")


class NotAnOrganisationRole(Unprocessable):
    def __init__(self) -> None:
        super().__init__(
            "Tài khoản của tỉnh, huyện không gắn với đài hay khu phố nào, và không là trưởng khu phố.",
            detail_en="A province or district account has no station or area, and is not a neighbourhood leader.",
        )


class UnknownParent(Unprocessable):
    def __init__(self, parent: int | str) -> None:
        super().__init__(f"Không có tỉnh {parent} để làm cấp trên; hãy chọn một tỉnh đã tạo.",
                         detail_en=f"No province {parent!r} to be the parent: choose an existing province.")

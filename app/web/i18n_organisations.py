"""The words of the organisations page (tỉnh, huyện; merged into MESSAGES)."""

from __future__ import annotations

ORGANISATION_MESSAGES: dict[str, tuple[str, str]] = {
    "nav_organisations": ("Tỉnh, huyện", "Province and districts"),
    "org_title": ("Tỉnh, huyện và các đài", "Province, districts and stations"),
    "org_intro_admin": ("Các đài xếp theo tỉnh và huyện. Tài khoản của tỉnh, huyện xem được tin bài đã duyệt, "
                        "chương trình và cụm loa của các đài thuộc mình, không sửa được việc của đài.",
                        "Stations by province and district. A province or district account reads its stations' "
                        "approved scripts, programmes and relay points, and cannot change a station's work."),
    "org_intro_reader": ("Các đài thuộc {name}. Trang này chỉ để xem: mỗi đài tự làm việc của mình.",
                         "The stations under {name}. This page is read-only: each station does its own work."),
    "org_kind_province": ("Tỉnh", "Province"),
    "org_kind_district": ("Huyện", "District"),
    "org_stations": ("Các đài", "Stations"),
    "org_no_station": ("Chưa có đài nào.", "No station yet."),
    "org_none": ("Chưa có tỉnh, huyện nào. Một đài phường dùng riêng không cần mục này.",
                 "No province or district yet. A single ward does not need them."),
    "org_unassigned": ("Đài chưa thuộc tỉnh, huyện nào", "Stations under no province or district"),
    "org_create": ("Thêm tỉnh hoặc huyện", "Add a province or district"),
    "org_assign": ("Xếp đài vào tỉnh, huyện", "Place a station under a province or district"),
    "field_kind": ("Cấp", "Level"),
    "field_parent_id": ("Thuộc tỉnh", "Province"),
    "field_station_id": ("Đài", "Station"),
    "field_organisation_id": ("Tỉnh, huyện", "Province or district"),
    "org_parent_hint": ("Chỉ cần với huyện.", "Districts only."),
    "org_assign_button": ("Xếp vào", "Place"),
    "err_organisations_only": ("Trang này dành cho quản trị hệ thống và tài khoản của tỉnh, huyện.",
                               "This page is for the installation's admin and province or district accounts."),
}

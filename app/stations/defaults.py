"""What a new station starts with: the Hà Tu directive's two slots and common topics."""

from datetime import time

DEFAULT_SLOTS = (
    ("morning", "Buổi sáng", time(6, 30), 1800),
    ("afternoon", "Buổi chiều", time(16, 30), 1800),
)

DEFAULT_TOPICS = (
    ("thoi-su", "Thời sự – chính trị"),
    ("kinh-te", "Kinh tế – xã hội"),
    ("phap-luat", "Phổ biến pháp luật"),
    ("van-hoa", "Văn hóa – xã hội"),
    ("y-te", "Y tế – sức khỏe"),
    ("quoc-phong", "Quốc phòng – an ninh"),
    ("moi-truong", "Môi trường – phòng chống thiên tai"),
    ("thong-bao", "Thông báo của phường"),
)

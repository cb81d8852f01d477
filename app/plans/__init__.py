"""The month's propaganda plan (kế hoạch tuyên truyền): themes, commemorations, and what aired."""

"""The script editor's "recurring" fields ↔ an RFC 5545 rule (scheduler.recurrence)."""

from __future__ import annotations

from typing import Any

from app.web.i18n import translate
from scheduler.recurrence import WEEKDAYS

REPEAT_CHOICES = ("none", "daily", "weekly", "monthly", "custom")


def rule_from(values: dict[str, Any], lang: str) -> tuple[str | None, dict[str, str]]:
    """The rule the form's fields say (None: no repeat), or the errors per field."""
    repeat = values.get("repeat") or "none"
    if repeat == "daily":
        return "FREQ=DAILY", {}
    if repeat == "weekly":
        days = [d for d in WEEKDAYS if d in values.get("repeat_days", [])]
        if not days:
            return None, {"repeat_days": translate("err_repeat_days", lang)}
        return f"FREQ=WEEKLY;BYDAY={','.join(days)}", {}
    if repeat == "monthly":
        raw = str(values.get("repeat_monthday") or "").strip()
        if not (raw.lstrip("-").isdigit() and 1 <= abs(int(raw)) <= 31):
            return None, {"repeat_monthday": translate("err_repeat_monthday", lang)}
        return f"FREQ=MONTHLY;BYMONTHDAY={int(raw)}", {}
    if repeat == "custom":
        return str(values.get("recurrence_rule") or "").strip() or None, {}
    return None, {}


def fields_of(rule: str | None) -> dict[str, Any]:
    """The form's fields for a stored rule; one the form cannot spell is kept as a custom rule."""
    base: dict[str, Any] = {"repeat": "none", "repeat_days": [], "repeat_monthday": "", "recurrence_rule": ""}
    if not rule:
        return base
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    freq, keys = parts.get("FREQ"), set(parts) - {"FREQ"}
    if freq == "DAILY" and not keys:
        return {**base, "repeat": "daily"}
    if freq == "WEEKLY" and keys == {"BYDAY"}:
        return {**base, "repeat": "weekly", "repeat_days": parts["BYDAY"].split(",")}
    if freq == "MONTHLY" and keys == {"BYMONTHDAY"} and "," not in parts["BYMONTHDAY"]:
        return {**base, "repeat": "monthly", "repeat_monthday": parts["BYMONTHDAY"]}
    return {**base, "repeat": "custom", "recurrence_rule": rule}

"""Turn posted forms into the domains' schemas, and errors back into messages per field."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData

from app.errors import LoaError
from app.scripts.exceptions import InvalidAirWindow, InvalidRecurrence, ScriptTooLong, UnknownReference
from app.web.i18n import translate
from app.web.recurrence_form import rule_from

SCRIPT_TEXT_FIELDS = ("title", "body", "topic", "source_ref", "priority", "air_from", "air_until",
                      "airings_target", "recording_id", "theme_id", "repeat", "repeat_monthday",
                      "recurrence_rule")
SCRIPT_LIST_FIELDS = ("slots", "area_ids", "repeat_days")
# typed in the form, turned into one `recurrence` rule for the schema
REPEAT_FIELDS = ("repeat", "repeat_days", "repeat_monthday", "recurrence_rule")
FORM_LEVEL = "_form"


def text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def script_values(form: FormData) -> dict[str, Any]:
    """What the user typed, as strings, to build a schema from or to show again."""
    values: dict[str, Any] = {name: text(form, name) for name in SCRIPT_TEXT_FIELDS}
    for name in SCRIPT_LIST_FIELDS:
        values[name] = [v for v in form.getlist(name) if isinstance(v, str)]
    return values


def script_payload(values: dict[str, Any], lang: str = "vi") -> tuple[dict[str, Any], dict[str, str]]:
    """The typed values as a schema payload (blanks become missing so the schema names them), and
    the errors of the recurring fields."""
    payload = {k: v for k, v in values.items()
               if v != "" and k not in SCRIPT_LIST_FIELDS and k not in REPEAT_FIELDS}
    payload["slots"] = list(values["slots"])
    payload["area_ids"] = list(values["area_ids"])
    # The editor always sends these fields: blank means "none" (detach, untag, no repeat), not "unchanged".
    payload["recording_id"] = values.get("recording_id") or None
    payload["theme_id"] = values.get("theme_id") or None
    payload["recurrence"], errors = rule_from(values, lang)
    return payload, errors


_PYDANTIC_KEYS = {
    "missing": "err_required",
    "string_too_short": "err_required",
    "string_too_long": "err_too_long",
    "date_parsing": "err_date",
    "date_from_datetime_parsing": "err_date",
    "date_from_datetime_inexact": "err_date",
    "date_type": "err_date",
    "time_parsing": "err_time",
    "int_parsing": "err_number",
    "int_type": "err_number",
    "int_from_float": "err_number",
    "greater_than_equal": "err_min",
    "less_than_equal": "err_max",
    "enum": "err_choice",
    "literal_error": "err_choice",
    "string_pattern_mismatch": "err_pattern",
}


def validation_errors(exc: ValidationError, lang: str) -> dict[str, str]:
    """One message per field, in the reader's language."""
    out: dict[str, str] = {}
    for err in exc.errors():
        loc = err.get("loc", ())
        name = str(loc[0]) if loc else FORM_LEVEL
        ctx = err.get("ctx") or {}
        key = _PYDANTIC_KEYS.get(err["type"])
        if err["type"] == "value_error" and "trống" in str(ctx.get("error", "")):
            key = "err_required"
        if key is None and err["type"] == "value_error" and ctx.get("error"):
            message = str(ctx["error"])  # our validator's own words, without Pydantic's "Value error, "
        elif key is None:
            message = str(err.get("msg", ""))
        else:
            message = translate(key, lang, max=ctx.get("max_length", ctx.get("le", "")),
                                min=ctx.get("min_length", ctx.get("ge", "")))
        out.setdefault(name, message)
    return out


def loa_error_field(exc: LoaError) -> str:
    """The form field a domain error is about, so the message is shown next to it."""
    en = (exc.detail_en or "").lower()
    if isinstance(exc, InvalidAirWindow):
        return "air_until" if en.startswith("air_until") else "air_from"
    if isinstance(exc, UnknownReference) and "theme" not in en:
        for word, name in (("topic", "topic"), ("area", "area_ids"), ("slot", "slots")):
            if word in en:
                return name
    if isinstance(exc, UnknownReference) and "theme" in en:
        return "theme_id"
    if isinstance(exc, InvalidRecurrence):
        return "repeat"
    if isinstance(exc, ScriptTooLong):
        return "body"
    return FORM_LEVEL


def build(schema: type[BaseModel], payload: dict[str, Any], lang: str) -> tuple[Any, dict[str, str]]:
    """The schema instance, or None and the errors per field."""
    try:
        return schema.model_validate(payload), {}
    except ValidationError as exc:
        return None, validation_errors(exc, lang)

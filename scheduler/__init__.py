"""Loa scheduler: slot times and the pure programme planner (no database)."""

from scheduler.estimate import estimate_duration_ms
from scheduler.horizon import plan_horizon
from scheduler.model import (
    Candidate,
    Decision,
    Filler,
    ItemKind,
    PastAiring,
    PlanSettings,
    Priority,
    Programme,
    ProgrammeItem,
    SlotRequest,
)
from scheduler.plan import distinct_programmes, plan_emergency, plan_programme, plan_slot
from scheduler.reasons import Reason
from scheduler.slots import (
    InvalidSlot,
    Slot,
    SlotError,
    SlotInstance,
    SlotsOverlap,
    instances_between,
    instances_for_dates,
    slot_instance,
    validate_slots,
)

__all__ = [
    "Candidate",
    "Decision",
    "Filler",
    "InvalidSlot",
    "ItemKind",
    "PastAiring",
    "PlanSettings",
    "Priority",
    "Programme",
    "ProgrammeItem",
    "Reason",
    "Slot",
    "SlotError",
    "SlotInstance",
    "SlotRequest",
    "SlotsOverlap",
    "distinct_programmes",
    "estimate_duration_ms",
    "instances_between",
    "instances_for_dates",
    "plan_emergency",
    "plan_horizon",
    "plan_programme",
    "plan_slot",
    "slot_instance",
    "validate_slots",
]

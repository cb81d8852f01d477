"""Every table of Loa, one module each."""

from app.models.area import Area, RelayPoint
from app.models.audit_event import AuditEvent
from app.models.base import Base, UTCDateTime, utcnow
from app.models.form_token import FormToken
from app.models.login_throttle import LoginThrottle
from app.models.organisation import (
    Bulletin,
    BulletinDelivery,
    BulletinStatus,
    DeliveryState,
    Organisation,
    OrganisationKind,
)
from app.models.programme import Airing, Emergency, Lease, Programme, ProgrammeStatus
from app.models.recording import Recording
from app.models.relay import RelayFault, RelayHeartbeat, RelayPlay
from app.models.relay_window import RelaySource, RelayWindow, RelayWindowRun
from app.models.script import Priority, Script, ScriptStatus, script_areas, script_slots
from app.models.station import Slot, Station
from app.models.system_problem import SystemProblem
from app.models.theme import Theme, ThemeKind
from app.models.topic import Topic
from app.models.user import Role, User
from app.models.web_session import WebSession

__all__ = [
    "Bulletin",
    "BulletinDelivery",
    "BulletinStatus",
    "DeliveryState",
    "Organisation",
    "OrganisationKind",
    "Airing",
    "Emergency",
    "FormToken",
    "Lease",
    "LoginThrottle",
    "Programme",
    "ProgrammeStatus",
    "RelayFault",
    "RelayHeartbeat",
    "RelayPlay",
    "RelaySource",
    "RelayWindow",
    "RelayWindowRun",
    "Area",
    "AuditEvent",
    "Base",
    "Priority",
    "Recording",
    "RelayPoint",
    "Role",
    "Script",
    "ScriptStatus",
    "Slot",
    "Station",
    "SystemProblem",
    "Theme",
    "ThemeKind",
    "Topic",
    "UTCDateTime",
    "User",
    "WebSession",
    "script_areas",
    "script_slots",
    "utcnow",
]

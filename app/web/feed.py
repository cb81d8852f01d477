"""The RSS 2.0 feed of a station's aired scripts, for the ward web portal."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from app.models import Station
from app.web.data import AiredScript

SUMMARY_CHARS = 600
# Characters XML 1.0 forbids (most C0 controls, surrogates, U+FFFE/FFFF): one in a title would make
# the whole feed unreadable to every reader, so they are dropped from what the feed says.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(parent: ET.Element, tag: str, value: str, attrib: dict[str, str] | None = None) -> None:
    ET.SubElement(parent, tag, attrib or {}).text = _NOT_XML.sub("", value)


def _summary(body: str) -> str:
    return body if len(body) <= SUMMARY_CHARS else body[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def rss(station: Station, aired: list[AiredScript], *, base_url: str) -> bytes:
    """RSS 2.0 with one item per aired script; dates in RFC 822 as the spec asks."""
    base = base_url.rstrip("/")
    page = f"{base}/stations/{station.id}/scripts"
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", f"{station.name} — tin bài đã phát")
    _text(channel, "link", page)
    _text(channel, "description", f"Các tin bài đã phát trên {station.name}, mới nhất trước.")
    _text(channel, "language", "vi")
    newest = aired[0].last_aired_at if aired else datetime.now(UTC)
    _text(channel, "lastBuildDate", format_datetime(newest.astimezone(UTC), usegmt=True))
    for entry in aired:
        script = entry.script
        link = f"{page}/{script.id}"
        item = ET.SubElement(channel, "item")
        _text(item, "title", script.title)
        _text(item, "link", link)
        _text(item, "description", _summary(script.body))
        _text(item, "category", script.topic.name)
        _text(item, "guid", link, {"isPermaLink": "true"})
        _text(item, "pubDate", format_datetime(entry.last_aired_at.astimezone(UTC), usegmt=True))
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + bytes(ET.tostring(root, encoding="utf-8"))

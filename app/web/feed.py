"""The RSS 2.0 feed of a station's aired scripts, for the ward web portal."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from app.models import Station
from app.web.data import AiredScript

SUMMARY_CHARS = 600


def _summary(body: str) -> str:
    return body if len(body) <= SUMMARY_CHARS else body[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def rss(station: Station, aired: list[AiredScript], *, base_url: str) -> bytes:
    """RSS 2.0 with one item per aired script; dates in RFC 822 as the spec asks."""
    base = base_url.rstrip("/")
    page = f"{base}/stations/{station.id}/scripts"
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = f"{station.name} — tin bài đã phát"
    ET.SubElement(channel, "link").text = page
    ET.SubElement(channel, "description").text = (
        f"Các tin bài đã phát trên {station.name}, mới nhất trước.")
    ET.SubElement(channel, "language").text = "vi"
    newest = aired[0].last_aired_at if aired else datetime.now(UTC)
    ET.SubElement(channel, "lastBuildDate").text = format_datetime(newest.astimezone(UTC), usegmt=True)
    for entry in aired:
        script = entry.script
        link = f"{page}/{script.id}"
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = script.title
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "description").text = _summary(script.body)
        ET.SubElement(item, "category").text = script.topic.name
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = link
        ET.SubElement(item, "pubDate").text = format_datetime(entry.last_aired_at.astimezone(UTC),
                                                              usegmt=True)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + bytes(ET.tostring(root, encoding="utf-8"))

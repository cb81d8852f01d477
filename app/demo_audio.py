"""Demo filler music, synthesized by ffmpeg (no recording ships with Loa)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from app.models import Recording, Station, User
from app.recordings import service as recordings
from audio.ffmpeg import run_ffmpeg

# A slow pentatonic arpeggio over a soft drone: plain, but music rather than dead air.
_NOTES = "(220*pow(2,(floor(mod(t*2,5))*2+floor(mod(t*2,5)/3))/12))"
_MELODY = (f"0.22*sin(2*PI*t*{_NOTES})*(0.55+0.45*cos(2*PI*mod(t,0.5)))"
           "+0.08*sin(2*PI*t*110)+0.05*sin(2*PI*t*164.81)")


def add_demo_filler(session: Session, station: Station, actor: User, *, seconds: int = 180) -> Recording:
    """Make and ingest a filler recording, exactly as an officer's upload would be."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "nhac-nen-demo.mp3"
        source = f"aevalsrc={_MELODY.replace(',', chr(92) + ',')}:s=22050:d={seconds}"
        fades = f"afade=t=in:d=2,afade=t=out:st={seconds - 3}:d=3"
        run_ffmpeg(["-v", "error", "-f", "lavfi", "-i", source, "-af", fades,
                    "-c:a", "libmp3lame", "-b:a", "64k", "-y", str(path)])
        return recordings.ingest(session, station, path, title="Nhạc nền tổng hợp (demo)",
                                 filename=path.name, is_filler=True, actor=actor)

"""`loa voices list|add|remove`: the station's local neural voices, installed from files it has."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.speech.audio import voice_store
from audio.errors import AudioError
from audio.tts.voices import find_voice_files


def cmd_voices(args: argparse.Namespace) -> int:
    store = voice_store()
    try:
        if args.voices_command == "add":
            files = find_voice_files(*[Path(p) for p in args.paths])
            voice = store.add(files, name=args.name, licence=args.licence, attribution=args.attribution)
            print(f"Đã cài giọng (installed) {voice.name}: {voice.language}, {voice.sample_rate} Hz, "
                  f"giấy phép (licence) {voice.licence}")
            print(f"Ghi công (attribution): {voice.attribution}")
            return 0
        if args.voices_command == "remove":
            voice = store.remove(args.name)
            print(f"Đã gỡ giọng (removed) {voice.name}.")
            return 0
        voices = store.list()
        if not voices:
            print("Chưa cài giọng nơ-ron nào (no neural voice installed): loa voices add THƯ_MỤC")
        for voice in voices:
            print(f"{voice.name}\t{voice.language}\t{voice.sample_rate} Hz\t{voice.licence}\t{voice.attribution}")
        return 0
    except AudioError as exc:
        print(f"Lỗi (error): {exc}", file=sys.stderr)
        return 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    voices = sub.add_parser("voices", help="giọng đọc nơ-ron ngoại tuyến (local neural voices)").add_subparsers(
        dest="voices_command", required=True)
    p = voices.add_parser("list", help="liệt kê giọng đã cài (list installed voices)")
    p.set_defaults(handler=cmd_voices)
    p = voices.add_parser(
        "add", help="cài giọng Piper/VITS từ tệp có sẵn, không tải gì về: loa voices add THƯ_MỤC "
                    "(install a Piper/VITS voice: .onnx + .onnx.json + LICENSE/MODEL_CARD; nothing is downloaded)")
    p.add_argument("paths", nargs="+", help="thư mục của giọng, hoặc các tệp (a voice directory, or its files)")
    p.add_argument("--name", help="tên giọng (default: the model file's name)")
    p.add_argument("--licence", help="giấy phép, nếu không tự nhận ra (licence, if not recognized)")
    p.add_argument("--attribution", help="dòng ghi công hiển thị kèm tên giọng (credit shown with the voice)")
    p.set_defaults(handler=cmd_voices)
    p = voices.add_parser("remove", help="gỡ giọng (remove a voice)")
    p.add_argument("name")
    p.set_defaults(handler=cmd_voices)

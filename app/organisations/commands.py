"""`loa org add|list|assign`: the province, its districts, and the stations under them."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import select
from sqlalchemy.orm import Session


def _station(session: Session, name_or_id: str) -> object | None:
    from app.models import Station

    if name_or_id.isdigit():
        return session.get(Station, int(name_or_id))
    return session.scalar(select(Station).where(Station.name == name_or_id.strip()))


def _print_tree(session: Session) -> None:
    from app.organisations import service

    organisations = [o for o in service.list_organisations_all(session) if o.parent_id is None]
    if not organisations:
        print("Chưa có tổ chức nào (no organisation yet): loa org add \"Tỉnh …\" --kind province")
    for province in organisations:
        tree = service.tree(session, province)
        print(f"{tree.name}\t(tỉnh/province, số {tree.id})")
        for station in tree.stations:
            print(f"  - đài {station.name} (số {station.id})")
        for district in tree.districts:
            print(f"  {district.name}\t(huyện/district, số {district.id})")
            for station in district.stations:
                print(f"    - đài {station.name} (số {station.id})")
    loose = service.unassigned_stations(session)
    if loose and organisations:
        print("Đài chưa thuộc tổ chức nào (stations under no organisation):")
        for loose_station in loose:
            print(f"  - đài {loose_station.name} (số {loose_station.id})")


def cmd_org(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from app.db import session_factory
    from app.errors import LoaError
    from app.models import Station
    from app.organisations import service
    from app.organisations.schemas import OrganisationCreate

    with session_factory()() as session:
        try:
            if args.org_command == "add":
                if args.kind == "district" and not args.parent:
                    print("Lỗi: huyện phải thuộc một tỉnh: thêm --parent \"Tên tỉnh\" "
                          "(a district needs --parent PROVINCE).", file=sys.stderr)
                    return 2
                parent_id = service.by_name(session, args.parent).id if args.parent else None
                organisation = service.create(session, OrganisationCreate(
                    name=args.name, kind=args.kind, parent_id=parent_id), actor=None)
                session.commit()
                kind = "tỉnh" if organisation.kind.value == "province" else "huyện"
                print(f"Đã tạo {kind} “{organisation.name}” (số {organisation.id}, {organisation.kind.value}).")
                return 0
            if args.org_command == "assign":
                station = _station(session, args.station)
                if not isinstance(station, Station):
                    print(f"Lỗi: không có đài “{args.station}” (no such station).", file=sys.stderr)
                    return 1
                organisation = service.by_name(session, args.organisation)
                service.assign(session, station, organisation, actor=None)
                session.commit()
                print(f"Đài “{station.name}” nay thuộc “{organisation.name}” "
                      f"(station now under {organisation.kind.value}).")
                return 0
            _print_tree(session)
            return 0
        except LoaError as exc:
            print(f"Lỗi: {exc.detail}" + (f" ({exc.detail_en})" if exc.detail_en else ""), file=sys.stderr)
            return 1
        except ValidationError as exc:
            print(f"Lỗi: dữ liệu không hợp lệ (invalid input): {exc.errors()[0]['msg']}", file=sys.stderr)
            return 2


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    org = sub.add_parser("org", help="tỉnh, huyện và các đài thuộc đó (organisations)").add_subparsers(
        dest="org_command", required=True)
    p = org.add_parser("add", help="thêm tỉnh hoặc huyện: loa org add \"Huyện Vân Đồn\" --kind district "
                                   "--parent \"Tỉnh Quảng Ninh\"")
    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=["province", "district"])
    p.add_argument("--parent", help="tên tỉnh (bắt buộc với huyện)")
    p.set_defaults(handler=cmd_org)
    p = org.add_parser("list", help="in cây tổ chức và các đài (print the tree)")
    p.set_defaults(handler=cmd_org)
    p = org.add_parser("assign", help="xếp một đài vào tỉnh hoặc huyện: loa org assign \"Đài …\" "
                                      "--organisation \"Huyện …\"")
    p.add_argument("station", help="tên hoặc số của đài")
    p.add_argument("--organisation", required=True, help="tên tỉnh hoặc huyện")
    p.set_defaults(handler=cmd_org)

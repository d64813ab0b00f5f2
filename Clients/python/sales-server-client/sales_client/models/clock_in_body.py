from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.geo_point_type_0 import GeoPointType0


T = TypeVar("T", bound="ClockInBody")


@_attrs_define
class ClockInBody:
    """
    Attributes:
        at (datetime.datetime | Unset):
        location (GeoPointType0 | None | Unset): Degrees, at most 7 decimals, kept exactly.
        note (None | str | Unset):
    """

    at: datetime.datetime | Unset = UNSET
    location: GeoPointType0 | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.geo_point_type_0 import GeoPointType0  # noqa: PLC0415

        at: str | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = self.at.isoformat()

        location: dict[str, Any] | None | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, GeoPointType0):
            location = self.location.to_dict()
        else:
            location = self.location

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at is not UNSET:
            field_dict["at"] = at
        if location is not UNSET:
            field_dict["location"] = location
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.geo_point_type_0 import GeoPointType0  # noqa: PLC0415

        d = dict(src_dict)
        _at = d.pop("at", UNSET)
        at: datetime.datetime | Unset
        if isinstance(_at, Unset):
            at = UNSET
        else:
            at = datetime.datetime.fromisoformat(_at)

        def _parse_location(data: object) -> GeoPointType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_geo_point_type_0 = GeoPointType0.from_dict(data)

                return componentsschemas_geo_point_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GeoPointType0 | None | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        clock_in_body = cls(
            at=at,
            location=location,
            note=note,
        )

        return clock_in_body

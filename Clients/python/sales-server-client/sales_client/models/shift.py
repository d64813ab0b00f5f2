from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shift_status import ShiftStatus

if TYPE_CHECKING:
    from ..models.geo_point_type_0 import GeoPointType0


T = TypeVar("T", bound="Shift")


@_attrs_define
class Shift:
    """
    Attributes:
        id (int):
        sales_rep_id (int):
        status (ShiftStatus):
        clock_in_at (datetime.datetime):
        clock_out_at (datetime.datetime | None):
        duration_seconds (int | None):
        location (GeoPointType0 | None): Degrees, at most 7 decimals, kept exactly.
        clock_in_note (None | str):
        clock_out_note (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    sales_rep_id: int
    status: ShiftStatus
    clock_in_at: datetime.datetime
    clock_out_at: datetime.datetime | None
    duration_seconds: int | None
    location: GeoPointType0 | None
    clock_in_note: None | str
    clock_out_note: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.geo_point_type_0 import GeoPointType0  # noqa: PLC0415

        id = self.id

        sales_rep_id = self.sales_rep_id

        status = self.status.value

        clock_in_at = self.clock_in_at.isoformat()

        clock_out_at: None | str
        if isinstance(self.clock_out_at, datetime.datetime):
            clock_out_at = self.clock_out_at.isoformat()
        else:
            clock_out_at = self.clock_out_at

        duration_seconds: int | None
        duration_seconds = self.duration_seconds

        location: dict[str, Any] | None
        if isinstance(self.location, GeoPointType0):
            location = self.location.to_dict()
        else:
            location = self.location

        clock_in_note: None | str
        clock_in_note = self.clock_in_note

        clock_out_note: None | str
        clock_out_note = self.clock_out_note

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "sales_rep_id": sales_rep_id,
                "status": status,
                "clock_in_at": clock_in_at,
                "clock_out_at": clock_out_at,
                "duration_seconds": duration_seconds,
                "location": location,
                "clock_in_note": clock_in_note,
                "clock_out_note": clock_out_note,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.geo_point_type_0 import GeoPointType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        sales_rep_id = d.pop("sales_rep_id")

        status = ShiftStatus(d.pop("status"))

        clock_in_at = datetime.datetime.fromisoformat(d.pop("clock_in_at"))

        def _parse_clock_out_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_timestamp_or_null_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_timestamp_or_null_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        clock_out_at = _parse_clock_out_at(d.pop("clock_out_at"))

        def _parse_duration_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds"))

        def _parse_location(data: object) -> GeoPointType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_geo_point_type_0 = GeoPointType0.from_dict(data)

                return componentsschemas_geo_point_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GeoPointType0 | None, data)

        location = _parse_location(d.pop("location"))

        def _parse_clock_in_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clock_in_note = _parse_clock_in_note(d.pop("clock_in_note"))

        def _parse_clock_out_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clock_out_note = _parse_clock_out_note(d.pop("clock_out_note"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        shift = cls(
            id=id,
            sales_rep_id=sales_rep_id,
            status=status,
            clock_in_at=clock_in_at,
            clock_out_at=clock_out_at,
            duration_seconds=duration_seconds,
            location=location,
            clock_in_note=clock_in_note,
            clock_out_note=clock_out_note,
            created_at=created_at,
            updated_at=updated_at,
        )

        shift.additional_properties = d
        return shift

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

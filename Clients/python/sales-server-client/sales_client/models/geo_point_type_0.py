from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="GeoPointType0")


@_attrs_define
class GeoPointType0:
    """Degrees, at most 7 decimals, kept exactly.

    Attributes:
        lat (float): Degrees, at most 7 decimal places, kept exactly.
        lon (float): Degrees, at most 7 decimal places, kept exactly.
    """

    lat: float
    lon: float

    def to_dict(self) -> dict[str, Any]:
        lat = self.lat

        lon = self.lon

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lat": lat,
                "lon": lon,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lat = d.pop("lat")

        lon = d.pop("lon")

        geo_point_type_0 = cls(
            lat=lat,
            lon=lon,
        )

        return geo_point_type_0

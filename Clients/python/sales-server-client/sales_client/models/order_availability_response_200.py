from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.order_availability_response_200_lines_item import OrderAvailabilityResponse200LinesItem


T = TypeVar("T", bound="OrderAvailabilityResponse200")


@_attrs_define
class OrderAvailabilityResponse200:
    """
    Attributes:
        order_id (int):
        lines (list[OrderAvailabilityResponse200LinesItem]):
    """

    order_id: int
    lines: list[OrderAvailabilityResponse200LinesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id = self.order_id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_id": order_id,
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_availability_response_200_lines_item import OrderAvailabilityResponse200LinesItem  # noqa: PLC0415

        d = dict(src_dict)
        order_id = d.pop("order_id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderAvailabilityResponse200LinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        order_availability_response_200 = cls(
            order_id=order_id,
            lines=lines,
        )

        order_availability_response_200.additional_properties = d
        return order_availability_response_200

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

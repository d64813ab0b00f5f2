from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrderAvailabilityResponse200LinesItem")


@_attrs_define
class OrderAvailabilityResponse200LinesItem:
    """
    Attributes:
        order_line_id (int):
        product_id (int):
        quantity_to_ship (float): At most 3 decimal places, kept exactly.
        reserved (float): At most 3 decimal places, kept exactly.
        available_now (float): At most 3 decimal places, kept exactly.
    """

    order_line_id: int
    product_id: int
    quantity_to_ship: float
    reserved: float
    available_now: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_line_id = self.order_line_id

        product_id = self.product_id

        quantity_to_ship = self.quantity_to_ship

        reserved = self.reserved

        available_now = self.available_now

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_line_id": order_line_id,
                "product_id": product_id,
                "quantity_to_ship": quantity_to_ship,
                "reserved": reserved,
                "available_now": available_now,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_line_id = d.pop("order_line_id")

        product_id = d.pop("product_id")

        quantity_to_ship = d.pop("quantity_to_ship")

        reserved = d.pop("reserved")

        available_now = d.pop("available_now")

        order_availability_response_200_lines_item = cls(
            order_line_id=order_line_id,
            product_id=product_id,
            quantity_to_ship=quantity_to_ship,
            reserved=reserved,
            available_now=available_now,
        )

        order_availability_response_200_lines_item.additional_properties = d
        return order_availability_response_200_lines_item

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

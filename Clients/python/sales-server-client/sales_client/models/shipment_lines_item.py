from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ShipmentLinesItem")


@_attrs_define
class ShipmentLinesItem:
    """
    Attributes:
        id (int):
        order_line_id (int):
        product_id (int):
        quantity (float): At most 3 decimal places, kept exactly.
        quantity_returned (float): At most 3 decimal places, kept exactly.
    """

    id: int
    order_line_id: int
    product_id: int
    quantity: float
    quantity_returned: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        order_line_id = self.order_line_id

        product_id = self.product_id

        quantity = self.quantity

        quantity_returned = self.quantity_returned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "order_line_id": order_line_id,
                "product_id": product_id,
                "quantity": quantity,
                "quantity_returned": quantity_returned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        order_line_id = d.pop("order_line_id")

        product_id = d.pop("product_id")

        quantity = d.pop("quantity")

        quantity_returned = d.pop("quantity_returned")

        shipment_lines_item = cls(
            id=id,
            order_line_id=order_line_id,
            product_id=product_id,
            quantity=quantity,
            quantity_returned=quantity_returned,
        )

        shipment_lines_item.additional_properties = d
        return shipment_lines_item

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReturnInputLinesItem")


@_attrs_define
class ReturnInputLinesItem:
    """
    Attributes:
        shipment_line_id (int):
        quantity (float): More than 0 and at most 10^9, at most 3 decimal places, kept exactly.
    """

    shipment_line_id: int
    quantity: float

    def to_dict(self) -> dict[str, Any]:
        shipment_line_id = self.shipment_line_id

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "shipment_line_id": shipment_line_id,
                "quantity": quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        shipment_line_id = d.pop("shipment_line_id")

        quantity = d.pop("quantity")

        return_input_lines_item = cls(
            shipment_line_id=shipment_line_id,
            quantity=quantity,
        )

        return return_input_lines_item

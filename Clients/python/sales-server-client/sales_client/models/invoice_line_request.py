from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvoiceLineRequest")


@_attrs_define
class InvoiceLineRequest:
    """
    Attributes:
        order_line_id (int):
        quantity (float): More than 0 and at most 10^9, at most 3 decimal places, kept exactly.
    """

    order_line_id: int
    quantity: float

    def to_dict(self) -> dict[str, Any]:
        order_line_id = self.order_line_id

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order_line_id": order_line_id,
                "quantity": quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_line_id = d.pop("order_line_id")

        quantity = d.pop("quantity")

        invoice_line_request = cls(
            order_line_id=order_line_id,
            quantity=quantity,
        )

        return invoice_line_request

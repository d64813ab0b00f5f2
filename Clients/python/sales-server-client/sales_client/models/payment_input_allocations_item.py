from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PaymentInputAllocationsItem")


@_attrs_define
class PaymentInputAllocationsItem:
    """
    Attributes:
        invoice_id (int):
        amount (int): A positive amount in the currency's minor unit.
    """

    invoice_id: int
    amount: int

    def to_dict(self) -> dict[str, Any]:
        invoice_id = self.invoice_id

        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "invoice_id": invoice_id,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoice_id = d.pop("invoice_id")

        amount = d.pop("amount")

        payment_input_allocations_item = cls(
            invoice_id=invoice_id,
            amount=amount,
        )

        return payment_input_allocations_item

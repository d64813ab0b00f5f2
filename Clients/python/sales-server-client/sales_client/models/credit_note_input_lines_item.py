from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CreditNoteInputLinesItem")


@_attrs_define
class CreditNoteInputLinesItem:
    """
    Attributes:
        invoice_line_id (int):
        quantity (float): More than 0 and at most 10^9, at most 3 decimal places, kept exactly.
    """

    invoice_line_id: int
    quantity: float

    def to_dict(self) -> dict[str, Any]:
        invoice_line_id = self.invoice_line_id

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "invoice_line_id": invoice_line_id,
                "quantity": quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoice_line_id = d.pop("invoice_line_id")

        quantity = d.pop("quantity")

        credit_note_input_lines_item = cls(
            invoice_line_id=invoice_line_id,
            quantity=quantity,
        )

        return credit_note_input_lines_item

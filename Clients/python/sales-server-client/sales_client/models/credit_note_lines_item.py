from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CreditNoteLinesItem")


@_attrs_define
class CreditNoteLinesItem:
    """
    Attributes:
        invoice_line_id (int):
        quantity (float): At most 3 decimal places, kept exactly.
        subtotal (int): An amount in the currency's minor unit (cents for USD).
        tax (int): An amount in the currency's minor unit (cents for USD).
        total (int): An amount in the currency's minor unit (cents for USD).
    """

    invoice_line_id: int
    quantity: float
    subtotal: int
    tax: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice_line_id = self.invoice_line_id

        quantity = self.quantity

        subtotal = self.subtotal

        tax = self.tax

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice_line_id": invoice_line_id,
                "quantity": quantity,
                "subtotal": subtotal,
                "tax": tax,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoice_line_id = d.pop("invoice_line_id")

        quantity = d.pop("quantity")

        subtotal = d.pop("subtotal")

        tax = d.pop("tax")

        total = d.pop("total")

        credit_note_lines_item = cls(
            invoice_line_id=invoice_line_id,
            quantity=quantity,
            subtotal=subtotal,
            tax=tax,
            total=total,
        )

        credit_note_lines_item.additional_properties = d
        return credit_note_lines_item

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

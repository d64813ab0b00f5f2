from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency

if TYPE_CHECKING:
    from ..models.credit_note_lines_item import CreditNoteLinesItem


T = TypeVar("T", bound="CreditNote")


@_attrs_define
class CreditNote:
    """
    Attributes:
        id (int):
        number (str):
        invoice_id (int):
        order_id (int):
        customer_id (int):
        currency (Currency): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        reason (str):
        lines (list[CreditNoteLinesItem]):
        subtotal (int): An amount in the currency's minor unit (cents for USD).
        tax_total (int): An amount in the currency's minor unit (cents for USD).
        total (int): An amount in the currency's minor unit (cents for USD).
        created_at (datetime.datetime):
    """

    id: int
    number: str
    invoice_id: int
    order_id: int
    customer_id: int
    currency: Currency
    reason: str
    lines: list[CreditNoteLinesItem]
    subtotal: int
    tax_total: int
    total: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        invoice_id = self.invoice_id

        order_id = self.order_id

        customer_id = self.customer_id

        currency = self.currency.value

        reason = self.reason

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        subtotal = self.subtotal

        tax_total = self.tax_total

        total = self.total

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "invoice_id": invoice_id,
                "order_id": order_id,
                "customer_id": customer_id,
                "currency": currency,
                "reason": reason,
                "lines": lines,
                "subtotal": subtotal,
                "tax_total": tax_total,
                "total": total,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_note_lines_item import CreditNoteLinesItem  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        invoice_id = d.pop("invoice_id")

        order_id = d.pop("order_id")

        customer_id = d.pop("customer_id")

        currency = Currency(d.pop("currency"))

        reason = d.pop("reason")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = CreditNoteLinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        subtotal = d.pop("subtotal")

        tax_total = d.pop("tax_total")

        total = d.pop("total")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credit_note = cls(
            id=id,
            number=number,
            invoice_id=invoice_id,
            order_id=order_id,
            customer_id=customer_id,
            currency=currency,
            reason=reason,
            lines=lines,
            subtotal=subtotal,
            tax_total=tax_total,
            total=total,
            created_at=created_at,
        )

        credit_note.additional_properties = d
        return credit_note

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.allocation_source import AllocationSource

T = TypeVar("T", bound="Allocation")


@_attrs_define
class Allocation:
    """Money on an invoice from a payment (`source` payment) or from customer credit (`source` credit). `amount` is what
    stays allocated now; voids and credit beyond amount_due release it.

        Attributes:
            id (int):
            source (AllocationSource):
            payment_id (int | None):
            payment_number (None | str):
            invoice_id (int):
            invoice_number (str):
            amount (int): An amount in the currency's minor unit (cents for USD).
            amount_original (int): A positive amount in the currency's minor unit.
            created_at (datetime.datetime):
    """

    id: int
    source: AllocationSource
    payment_id: int | None
    payment_number: None | str
    invoice_id: int
    invoice_number: str
    amount: int
    amount_original: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        source = self.source.value

        payment_id: int | None
        payment_id = self.payment_id

        payment_number: None | str
        payment_number = self.payment_number

        invoice_id = self.invoice_id

        invoice_number = self.invoice_number

        amount = self.amount

        amount_original = self.amount_original

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "source": source,
                "payment_id": payment_id,
                "payment_number": payment_number,
                "invoice_id": invoice_id,
                "invoice_number": invoice_number,
                "amount": amount,
                "amount_original": amount_original,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        source = AllocationSource(d.pop("source"))

        def _parse_payment_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        payment_id = _parse_payment_id(d.pop("payment_id"))

        def _parse_payment_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_number = _parse_payment_number(d.pop("payment_number"))

        invoice_id = d.pop("invoice_id")

        invoice_number = d.pop("invoice_number")

        amount = d.pop("amount")

        amount_original = d.pop("amount_original")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        allocation = cls(
            id=id,
            source=source,
            payment_id=payment_id,
            payment_number=payment_number,
            invoice_id=invoice_id,
            invoice_number=invoice_number,
            amount=amount,
            amount_original=amount_original,
            created_at=created_at,
        )

        allocation.additional_properties = d
        return allocation

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

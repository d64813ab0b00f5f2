from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ledger_entry_document_type import LedgerEntryDocumentType
from ..models.ledger_entry_type import LedgerEntryType

T = TypeVar("T", bound="LedgerEntry")


@_attrs_define
class LedgerEntry:
    """
    Attributes:
        id (int):
        at (datetime.datetime):
        type_ (LedgerEntryType):
        document_type (LedgerEntryDocumentType):
        document_id (int):
        number (str):
        amount (int): Signed: + the customer owes more, − less.
        balance_after (int): The customer's net balance after this entry.
    """

    id: int
    at: datetime.datetime
    type_: LedgerEntryType
    document_type: LedgerEntryDocumentType
    document_id: int
    number: str
    amount: int
    balance_after: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        type_ = self.type_.value

        document_type = self.document_type.value

        document_id = self.document_id

        number = self.number

        amount = self.amount

        balance_after = self.balance_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "type": type_,
                "document_type": document_type,
                "document_id": document_id,
                "number": number,
                "amount": amount,
                "balance_after": balance_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        type_ = LedgerEntryType(d.pop("type"))

        document_type = LedgerEntryDocumentType(d.pop("document_type"))

        document_id = d.pop("document_id")

        number = d.pop("number")

        amount = d.pop("amount")

        balance_after = d.pop("balance_after")

        ledger_entry = cls(
            id=id,
            at=at,
            type_=type_,
            document_type=document_type,
            document_id=document_id,
            number=number,
            amount=amount,
            balance_after=balance_after,
        )

        ledger_entry.additional_properties = d
        return ledger_entry

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

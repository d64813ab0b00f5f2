from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..models.journal_line_document_type import JournalLineDocumentType

T = TypeVar("T", bound="JournalLine")


@_attrs_define
class JournalLine:
    """
    Attributes:
        date (datetime.date):
        document_type (JournalLineDocumentType):
        document_number (str):
        customer_id (int):
        account (str):
        debit (int): An amount in the currency's minor unit (cents for USD).
        credit (int): An amount in the currency's minor unit (cents for USD).
        currency (Currency): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        memo (str):
    """

    date: datetime.date
    document_type: JournalLineDocumentType
    document_number: str
    customer_id: int
    account: str
    debit: int
    credit: int
    currency: Currency
    memo: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        document_type = self.document_type.value

        document_number = self.document_number

        customer_id = self.customer_id

        account = self.account

        debit = self.debit

        credit = self.credit

        currency = self.currency.value

        memo = self.memo

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "document_type": document_type,
                "document_number": document_number,
                "customer_id": customer_id,
                "account": account,
                "debit": debit,
                "credit": credit,
                "currency": currency,
                "memo": memo,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        document_type = JournalLineDocumentType(d.pop("document_type"))

        document_number = d.pop("document_number")

        customer_id = d.pop("customer_id")

        account = d.pop("account")

        debit = d.pop("debit")

        credit = d.pop("credit")

        currency = Currency(d.pop("currency"))

        memo = d.pop("memo")

        journal_line = cls(
            date=date,
            document_type=document_type,
            document_number=document_number,
            customer_id=customer_id,
            account=account,
            debit=debit,
            credit=credit,
            currency=currency,
            memo=memo,
        )

        journal_line.additional_properties = d
        return journal_line

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

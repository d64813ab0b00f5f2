from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateAccountingSettingsBody")


@_attrs_define
class UpdateAccountingSettingsBody:
    """
    Attributes:
        receivable (str | Unset):
        revenue (str | Unset):
        tax (str | Unset):
        cash (str | Unset):
        bank (str | Unset):
        card (str | Unset):
        other (str | Unset):
    """

    receivable: str | Unset = UNSET
    revenue: str | Unset = UNSET
    tax: str | Unset = UNSET
    cash: str | Unset = UNSET
    bank: str | Unset = UNSET
    card: str | Unset = UNSET
    other: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        receivable = self.receivable

        revenue = self.revenue

        tax = self.tax

        cash = self.cash

        bank = self.bank

        card = self.card

        other = self.other

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if receivable is not UNSET:
            field_dict["receivable"] = receivable
        if revenue is not UNSET:
            field_dict["revenue"] = revenue
        if tax is not UNSET:
            field_dict["tax"] = tax
        if cash is not UNSET:
            field_dict["cash"] = cash
        if bank is not UNSET:
            field_dict["bank"] = bank
        if card is not UNSET:
            field_dict["card"] = card
        if other is not UNSET:
            field_dict["other"] = other

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        receivable = d.pop("receivable", UNSET)

        revenue = d.pop("revenue", UNSET)

        tax = d.pop("tax", UNSET)

        cash = d.pop("cash", UNSET)

        bank = d.pop("bank", UNSET)

        card = d.pop("card", UNSET)

        other = d.pop("other", UNSET)

        update_accounting_settings_body = cls(
            receivable=receivable,
            revenue=revenue,
            tax=tax,
            cash=cash,
            bank=bank,
            card=card,
            other=other,
        )

        return update_accounting_settings_body

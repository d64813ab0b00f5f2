from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency

T = TypeVar("T", bound="Balance")


@_attrs_define
class Balance:
    """
    Attributes:
        currency (Currency): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        receivable (int): An amount in the currency's minor unit (cents for USD).
        credit_balance (int): An amount in the currency's minor unit (cents for USD).
        net_balance (int): An amount in the currency's minor unit (cents for USD).
        open_orders_amount (int): An amount in the currency's minor unit (cents for USD).
        credit_limit (int | None): An amount in the currency's minor unit, or null.
        available_credit (int | None): An amount in the currency's minor unit, or null.
    """

    currency: Currency
    receivable: int
    credit_balance: int
    net_balance: int
    open_orders_amount: int
    credit_limit: int | None
    available_credit: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency.value

        receivable = self.receivable

        credit_balance = self.credit_balance

        net_balance = self.net_balance

        open_orders_amount = self.open_orders_amount

        credit_limit: int | None
        credit_limit = self.credit_limit

        available_credit: int | None
        available_credit = self.available_credit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "receivable": receivable,
                "credit_balance": credit_balance,
                "net_balance": net_balance,
                "open_orders_amount": open_orders_amount,
                "credit_limit": credit_limit,
                "available_credit": available_credit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = Currency(d.pop("currency"))

        receivable = d.pop("receivable")

        credit_balance = d.pop("credit_balance")

        net_balance = d.pop("net_balance")

        open_orders_amount = d.pop("open_orders_amount")

        def _parse_credit_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        credit_limit = _parse_credit_limit(d.pop("credit_limit"))

        def _parse_available_credit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        available_credit = _parse_available_credit(d.pop("available_credit"))

        balance = cls(
            currency=currency,
            receivable=receivable,
            credit_balance=credit_balance,
            net_balance=net_balance,
            open_orders_amount=open_orders_amount,
            credit_limit=credit_limit,
            available_credit=available_credit,
        )

        balance.additional_properties = d
        return balance

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

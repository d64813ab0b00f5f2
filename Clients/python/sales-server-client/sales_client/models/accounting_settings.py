from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccountingSettings")


@_attrs_define
class AccountingSettings:
    """
    Attributes:
        receivable (str):
        revenue (str):
        tax (str):
        cash (str):
        bank (str):
        card (str):
        other (str):
        version (int):
        updated_at (datetime.datetime | None):
    """

    receivable: str
    revenue: str
    tax: str
    cash: str
    bank: str
    card: str
    other: str
    version: int
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        receivable = self.receivable

        revenue = self.revenue

        tax = self.tax

        cash = self.cash

        bank = self.bank

        card = self.card

        other = self.other

        version = self.version

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "receivable": receivable,
                "revenue": revenue,
                "tax": tax,
                "cash": cash,
                "bank": bank,
                "card": card,
                "other": other,
                "version": version,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        receivable = d.pop("receivable")

        revenue = d.pop("revenue")

        tax = d.pop("tax")

        cash = d.pop("cash")

        bank = d.pop("bank")

        card = d.pop("card")

        other = d.pop("other")

        version = d.pop("version")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_timestamp_or_null_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_timestamp_or_null_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        accounting_settings = cls(
            receivable=receivable,
            revenue=revenue,
            tax=tax,
            cash=cash,
            bank=bank,
            card=card,
            other=other,
            version=version,
            updated_at=updated_at,
        )

        accounting_settings.additional_properties = d
        return accounting_settings

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LineInput")


@_attrs_define
class LineInput:
    """
    Attributes:
        product_id (int):
        quantity (float): More than 0 and at most 10^9, at most 3 decimal places, kept exactly.
        unit_price (int | Unset): Minor units; default: the product's price in the document's currency.
        discount_percent (float | Unset): 0 to 100 with at most 2 decimal places, kept exactly.
        tax_rate_id (int | None | Unset):
        description (None | str | Unset):
    """

    product_id: int
    quantity: float
    unit_price: int | Unset = UNSET
    discount_percent: float | Unset = UNSET
    tax_rate_id: int | None | Unset = UNSET
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        product_id = self.product_id

        quantity = self.quantity

        unit_price = self.unit_price

        discount_percent = self.discount_percent

        tax_rate_id: int | None | Unset
        if isinstance(self.tax_rate_id, Unset):
            tax_rate_id = UNSET
        else:
            tax_rate_id = self.tax_rate_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "product_id": product_id,
                "quantity": quantity,
            }
        )
        if unit_price is not UNSET:
            field_dict["unit_price"] = unit_price
        if discount_percent is not UNSET:
            field_dict["discount_percent"] = discount_percent
        if tax_rate_id is not UNSET:
            field_dict["tax_rate_id"] = tax_rate_id
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        product_id = d.pop("product_id")

        quantity = d.pop("quantity")

        unit_price = d.pop("unit_price", UNSET)

        discount_percent = d.pop("discount_percent", UNSET)

        def _parse_tax_rate_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tax_rate_id = _parse_tax_rate_id(d.pop("tax_rate_id", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        line_input = cls(
            product_id=product_id,
            quantity=quantity,
            unit_price=unit_price,
            discount_percent=discount_percent,
            tax_rate_id=tax_rate_id,
            description=description,
        )

        return line_input

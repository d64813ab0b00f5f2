from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvoiceLine")


@_attrs_define
class InvoiceLine:
    """
    Attributes:
        id (int):
        order_line_id (int):
        product_id (int):
        description (None | str):
        quantity (float): At most 3 decimal places, kept exactly.
        unit_price (int): An amount in the currency's minor unit (cents for USD).
        discount_percent (float): 0 to 100 with at most 2 decimal places, kept exactly.
        tax_percent (float): 0 to 100 with at most 4 decimal places, kept exactly.
        tax_inclusive (bool):
        subtotal (int): An amount in the currency's minor unit (cents for USD).
        tax (int): An amount in the currency's minor unit (cents for USD).
        total (int): An amount in the currency's minor unit (cents for USD).
        quantity_credited (float): At most 3 decimal places, kept exactly.
    """

    id: int
    order_line_id: int
    product_id: int
    description: None | str
    quantity: float
    unit_price: int
    discount_percent: float
    tax_percent: float
    tax_inclusive: bool
    subtotal: int
    tax: int
    total: int
    quantity_credited: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        order_line_id = self.order_line_id

        product_id = self.product_id

        description: None | str
        description = self.description

        quantity = self.quantity

        unit_price = self.unit_price

        discount_percent = self.discount_percent

        tax_percent = self.tax_percent

        tax_inclusive = self.tax_inclusive

        subtotal = self.subtotal

        tax = self.tax

        total = self.total

        quantity_credited = self.quantity_credited

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "order_line_id": order_line_id,
                "product_id": product_id,
                "description": description,
                "quantity": quantity,
                "unit_price": unit_price,
                "discount_percent": discount_percent,
                "tax_percent": tax_percent,
                "tax_inclusive": tax_inclusive,
                "subtotal": subtotal,
                "tax": tax,
                "total": total,
                "quantity_credited": quantity_credited,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        order_line_id = d.pop("order_line_id")

        product_id = d.pop("product_id")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        quantity = d.pop("quantity")

        unit_price = d.pop("unit_price")

        discount_percent = d.pop("discount_percent")

        tax_percent = d.pop("tax_percent")

        tax_inclusive = d.pop("tax_inclusive")

        subtotal = d.pop("subtotal")

        tax = d.pop("tax")

        total = d.pop("total")

        quantity_credited = d.pop("quantity_credited")

        invoice_line = cls(
            id=id,
            order_line_id=order_line_id,
            product_id=product_id,
            description=description,
            quantity=quantity,
            unit_price=unit_price,
            discount_percent=discount_percent,
            tax_percent=tax_percent,
            tax_inclusive=tax_inclusive,
            subtotal=subtotal,
            tax=tax,
            total=total,
            quantity_credited=quantity_credited,
        )

        invoice_line.additional_properties = d
        return invoice_line

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProblemErrorsItem")


@_attrs_define
class ProblemErrorsItem:
    """
    Attributes:
        field (str): A path such as "lines[0].quantity".
        code (str):
        message (str):
        existing_id (int | Unset):
        product_id (int | Unset):
        requested (float | Unset): At most 3 decimal places, kept exactly.
        available (float | Unset): At most 3 decimal places, kept exactly.
    """

    field: str
    code: str
    message: str
    existing_id: int | Unset = UNSET
    product_id: int | Unset = UNSET
    requested: float | Unset = UNSET
    available: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        code = self.code

        message = self.message

        existing_id = self.existing_id

        product_id = self.product_id

        requested = self.requested

        available = self.available

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "code": code,
                "message": message,
            }
        )
        if existing_id is not UNSET:
            field_dict["existing_id"] = existing_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if requested is not UNSET:
            field_dict["requested"] = requested
        if available is not UNSET:
            field_dict["available"] = available

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        code = d.pop("code")

        message = d.pop("message")

        existing_id = d.pop("existing_id", UNSET)

        product_id = d.pop("product_id", UNSET)

        requested = d.pop("requested", UNSET)

        available = d.pop("available", UNSET)

        problem_errors_item = cls(
            field=field,
            code=code,
            message=message,
            existing_id=existing_id,
            product_id=product_id,
            requested=requested,
            available=available,
        )

        problem_errors_item.additional_properties = d
        return problem_errors_item

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

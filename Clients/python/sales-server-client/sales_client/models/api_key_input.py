from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyInput")


@_attrs_define
class ApiKeyInput:
    """
    Attributes:
        name (str):
        role (Role):
        sales_rep_id (int | None | Unset):
    """

    name: str
    role: Role
    sales_rep_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role = self.role.value

        sales_rep_id: int | None | Unset
        if isinstance(self.sales_rep_id, Unset):
            sales_rep_id = UNSET
        else:
            sales_rep_id = self.sales_rep_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "role": role,
            }
        )
        if sales_rep_id is not UNSET:
            field_dict["sales_rep_id"] = sales_rep_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        role = Role(d.pop("role"))

        def _parse_sales_rep_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sales_rep_id = _parse_sales_rep_id(d.pop("sales_rep_id", UNSET))

        api_key_input = cls(
            name=name,
            role=role,
            sales_rep_id=sales_rep_id,
        )

        return api_key_input

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfirmOrderBody")


@_attrs_define
class ConfirmOrderBody:
    """
    Attributes:
        override_credit_limit (bool | Unset):
    """

    override_credit_limit: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        override_credit_limit = self.override_credit_limit

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if override_credit_limit is not UNSET:
            field_dict["override_credit_limit"] = override_credit_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        override_credit_limit = d.pop("override_credit_limit", UNSET)

        confirm_order_body = cls(
            override_credit_limit=override_credit_limit,
        )

        return confirm_order_body

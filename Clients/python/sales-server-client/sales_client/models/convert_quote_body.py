from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConvertQuoteBody")


@_attrs_define
class ConvertQuoteBody:
    """
    Attributes:
        confirm (bool | Unset):  Default: False.
        override_credit_limit (bool | Unset): Admin keys only.
    """

    confirm: bool | Unset = False
    override_credit_limit: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        confirm = self.confirm

        override_credit_limit = self.override_credit_limit

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if confirm is not UNSET:
            field_dict["confirm"] = confirm
        if override_credit_limit is not UNSET:
            field_dict["override_credit_limit"] = override_credit_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confirm = d.pop("confirm", UNSET)

        override_credit_limit = d.pop("override_credit_limit", UNSET)

        convert_quote_body = cls(
            confirm=confirm,
            override_credit_limit=override_credit_limit,
        )

        return convert_quote_body

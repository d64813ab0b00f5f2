from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StockAdjustmentInput")


@_attrs_define
class StockAdjustmentInput:
    """
    Attributes:
        quantity (Any): Signed, not 0, at most 10^9 either way, at most 3 decimal places, kept exactly.
        reason (None | str | Unset):
    """

    quantity: Any
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        quantity: Any
        quantity = self.quantity

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "quantity": quantity,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_quantity(data: object) -> Any:
            return cast(Any, data)

        quantity = _parse_quantity(d.pop("quantity"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        stock_adjustment_input = cls(
            quantity=quantity,
            reason=reason,
        )

        return stock_adjustment_input

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.return_input_lines_item import ReturnInputLinesItem


T = TypeVar("T", bound="ReturnInput")


@_attrs_define
class ReturnInput:
    """
    Attributes:
        lines (list[ReturnInputLinesItem]):
        restock (bool | Unset):  Default: True.
        reason (None | str | Unset):
    """

    lines: list[ReturnInputLinesItem]
    restock: bool | Unset = True
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        restock = self.restock

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )
        if restock is not UNSET:
            field_dict["restock"] = restock
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.return_input_lines_item import ReturnInputLinesItem  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReturnInputLinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        restock = d.pop("restock", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        return_input = cls(
            lines=lines,
            restock=restock,
            reason=reason,
        )

        return return_input

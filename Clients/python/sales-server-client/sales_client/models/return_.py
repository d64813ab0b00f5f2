from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.return_lines_item import ReturnLinesItem


T = TypeVar("T", bound="Return")


@_attrs_define
class Return:
    """
    Attributes:
        id (int):
        number (str):
        shipment_id (int):
        order_id (int):
        restock (bool):
        reason (None | str):
        lines (list[ReturnLinesItem]):
        created_at (datetime.datetime):
    """

    id: int
    number: str
    shipment_id: int
    order_id: int
    restock: bool
    reason: None | str
    lines: list[ReturnLinesItem]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        shipment_id = self.shipment_id

        order_id = self.order_id

        restock = self.restock

        reason: None | str
        reason = self.reason

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "shipment_id": shipment_id,
                "order_id": order_id,
                "restock": restock,
                "reason": reason,
                "lines": lines,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.return_lines_item import ReturnLinesItem  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        shipment_id = d.pop("shipment_id")

        order_id = d.pop("order_id")

        restock = d.pop("restock")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReturnLinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        return_ = cls(
            id=id,
            number=number,
            shipment_id=shipment_id,
            order_id=order_id,
            restock=restock,
            reason=reason,
            lines=lines,
            created_at=created_at,
        )

        return_.additional_properties = d
        return return_

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

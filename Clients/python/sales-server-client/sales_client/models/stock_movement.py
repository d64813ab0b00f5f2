from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stock_movement_type import StockMovementType

T = TypeVar("T", bound="StockMovement")


@_attrs_define
class StockMovement:
    """
    Attributes:
        id (int):
        product_id (int):
        type_ (StockMovementType):
        quantity (float): At most 3 decimal places, kept exactly.
        on_hand_after (float): At most 3 decimal places, kept exactly.
        reason (None | str):
        document_type (None | str):
        document_id (int | None):
        created_at (datetime.datetime):
    """

    id: int
    product_id: int
    type_: StockMovementType
    quantity: float
    on_hand_after: float
    reason: None | str
    document_type: None | str
    document_id: int | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        product_id = self.product_id

        type_ = self.type_.value

        quantity = self.quantity

        on_hand_after = self.on_hand_after

        reason: None | str
        reason = self.reason

        document_type: None | str
        document_type = self.document_type

        document_id: int | None
        document_id = self.document_id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "product_id": product_id,
                "type": type_,
                "quantity": quantity,
                "on_hand_after": on_hand_after,
                "reason": reason,
                "document_type": document_type,
                "document_id": document_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        product_id = d.pop("product_id")

        type_ = StockMovementType(d.pop("type"))

        quantity = d.pop("quantity")

        on_hand_after = d.pop("on_hand_after")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_document_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_type = _parse_document_type(d.pop("document_type"))

        def _parse_document_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        document_id = _parse_document_id(d.pop("document_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        stock_movement = cls(
            id=id,
            product_id=product_id,
            type_=type_,
            quantity=quantity,
            on_hand_after=on_hand_after,
            reason=reason,
            document_type=document_type,
            document_id=document_id,
            created_at=created_at,
        )

        stock_movement.additional_properties = d
        return stock_movement

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

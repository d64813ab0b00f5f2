from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.activity_type import ActivityType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata_type_0 import MetadataType0


T = TypeVar("T", bound="ActivityInput")


@_attrs_define
class ActivityInput:
    """
    Attributes:
        sales_rep_id (int):
        type_ (ActivityType):
        customer_id (int | None | Unset):
        at (datetime.datetime | Unset):
        notes (None | str | Unset):
        outcome (None | str | Unset):
        metadata (MetadataType0 | None | Unset): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a
            request, null clears it (same as {}); answers always carry an object.
    """

    sales_rep_id: int
    type_: ActivityType
    customer_id: int | None | Unset = UNSET
    at: datetime.datetime | Unset = UNSET
    notes: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    metadata: MetadataType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        sales_rep_id = self.sales_rep_id

        type_ = self.type_.value

        customer_id: int | None | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        at: str | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = self.at.isoformat()

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, MetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sales_rep_id": sales_rep_id,
                "type": type_,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if at is not UNSET:
            field_dict["at"] = at
        if notes is not UNSET:
            field_dict["notes"] = notes
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        sales_rep_id = d.pop("sales_rep_id")

        type_ = ActivityType(d.pop("type"))

        def _parse_customer_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        _at = d.pop("at", UNSET)
        at: datetime.datetime | Unset
        if isinstance(_at, Unset):
            at = UNSET
        else:
            at = datetime.datetime.fromisoformat(_at)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_metadata(data: object) -> MetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_metadata_type_0 = MetadataType0.from_dict(data)

                return componentsschemas_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        activity_input = cls(
            sales_rep_id=sales_rep_id,
            type_=type_,
            customer_id=customer_id,
            at=at,
            notes=notes,
            outcome=outcome,
            metadata=metadata,
        )

        return activity_input

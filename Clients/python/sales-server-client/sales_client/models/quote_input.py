from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_input import LineInput
    from ..models.metadata_type_0 import MetadataType0


T = TypeVar("T", bound="QuoteInput")


@_attrs_define
class QuoteInput:
    """
    Attributes:
        customer_id (int):
        lines (list[LineInput]):
        valid_until (datetime.date | Unset): Default: today + 30 days (UTC).
        notes (None | str | Unset):
        sales_rep_id (int | None | Unset):
        metadata (MetadataType0 | None | Unset): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a
            request, null clears it (same as {}); answers always carry an object.
    """

    customer_id: int
    lines: list[LineInput]
    valid_until: datetime.date | Unset = UNSET
    notes: None | str | Unset = UNSET
    sales_rep_id: int | None | Unset = UNSET
    metadata: MetadataType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        customer_id = self.customer_id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        valid_until: str | Unset = UNSET
        if not isinstance(self.valid_until, Unset):
            valid_until = self.valid_until.isoformat()

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        sales_rep_id: int | None | Unset
        if isinstance(self.sales_rep_id, Unset):
            sales_rep_id = UNSET
        else:
            sales_rep_id = self.sales_rep_id

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
                "customer_id": customer_id,
                "lines": lines,
            }
        )
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if notes is not UNSET:
            field_dict["notes"] = notes
        if sales_rep_id is not UNSET:
            field_dict["sales_rep_id"] = sales_rep_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_input import LineInput  # noqa: PLC0415
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineInput.from_dict(lines_item_data)

            lines.append(lines_item)

        _valid_until = d.pop("valid_until", UNSET)
        valid_until: datetime.date | Unset
        if isinstance(_valid_until, Unset):
            valid_until = UNSET
        else:
            valid_until = datetime.date.fromisoformat(_valid_until)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_sales_rep_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sales_rep_id = _parse_sales_rep_id(d.pop("sales_rep_id", UNSET))

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

        quote_input = cls(
            customer_id=customer_id,
            lines=lines,
            valid_until=valid_until,
            notes=notes,
            sales_rep_id=sales_rep_id,
            metadata=metadata,
        )

        return quote_input

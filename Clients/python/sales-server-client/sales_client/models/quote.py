from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..models.quote_status import QuoteStatus

if TYPE_CHECKING:
    from ..models.metadata_type_0 import MetadataType0
    from ..models.quote_line import QuoteLine


T = TypeVar("T", bound="Quote")


@_attrs_define
class Quote:
    """
    Attributes:
        id (int):
        number (str):
        customer_id (int):
        status (QuoteStatus):
        currency (Currency): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        valid_until (datetime.date):
        notes (None | str):
        sales_rep_id (int | None):
        order_id (int | None):
        lines (list[QuoteLine]):
        subtotal (int): An amount in the currency's minor unit (cents for USD).
        tax_total (int): An amount in the currency's minor unit (cents for USD).
        total (int): An amount in the currency's minor unit (cents for USD).
        metadata (MetadataType0 | None): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a request,
            null clears it (same as {}); answers always carry an object.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    number: str
    customer_id: int
    status: QuoteStatus
    currency: Currency
    valid_until: datetime.date
    notes: None | str
    sales_rep_id: int | None
    order_id: int | None
    lines: list[QuoteLine]
    subtotal: int
    tax_total: int
    total: int
    metadata: MetadataType0 | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        id = self.id

        number = self.number

        customer_id = self.customer_id

        status = self.status.value

        currency = self.currency.value

        valid_until = self.valid_until.isoformat()

        notes: None | str
        notes = self.notes

        sales_rep_id: int | None
        sales_rep_id = self.sales_rep_id

        order_id: int | None
        order_id = self.order_id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        subtotal = self.subtotal

        tax_total = self.tax_total

        total = self.total

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, MetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "customer_id": customer_id,
                "status": status,
                "currency": currency,
                "valid_until": valid_until,
                "notes": notes,
                "sales_rep_id": sales_rep_id,
                "order_id": order_id,
                "lines": lines,
                "subtotal": subtotal,
                "tax_total": tax_total,
                "total": total,
                "metadata": metadata,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415
        from ..models.quote_line import QuoteLine  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        customer_id = d.pop("customer_id")

        status = QuoteStatus(d.pop("status"))

        currency = Currency(d.pop("currency"))

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_sales_rep_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        sales_rep_id = _parse_sales_rep_id(d.pop("sales_rep_id"))

        def _parse_order_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        order_id = _parse_order_id(d.pop("order_id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = QuoteLine.from_dict(lines_item_data)

            lines.append(lines_item)

        subtotal = d.pop("subtotal")

        tax_total = d.pop("tax_total")

        total = d.pop("total")

        def _parse_metadata(data: object) -> MetadataType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_metadata_type_0 = MetadataType0.from_dict(data)

                return componentsschemas_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetadataType0 | None, data)

        metadata = _parse_metadata(d.pop("metadata"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        quote = cls(
            id=id,
            number=number,
            customer_id=customer_id,
            status=status,
            currency=currency,
            valid_until=valid_until,
            notes=notes,
            sales_rep_id=sales_rep_id,
            order_id=order_id,
            lines=lines,
            subtotal=subtotal,
            tax_total=tax_total,
            total=total,
            metadata=metadata,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        quote.additional_properties = d
        return quote

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

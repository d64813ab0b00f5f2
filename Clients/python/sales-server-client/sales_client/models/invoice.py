from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..models.invoice_status import InvoiceStatus

if TYPE_CHECKING:
    from ..models.allocation import Allocation
    from ..models.invoice_credit_notes_item import InvoiceCreditNotesItem
    from ..models.invoice_line import InvoiceLine
    from ..models.metadata_type_0 import MetadataType0


T = TypeVar("T", bound="Invoice")


@_attrs_define
class Invoice:
    """
    Attributes:
        id (int):
        number (str):
        order_id (int):
        customer_id (int):
        status (InvoiceStatus):
        currency (Currency): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        issue_date (datetime.date):
        due_date (datetime.date):
        overdue (bool):
        notes (None | str):
        lines (list[InvoiceLine]):
        subtotal (int): An amount in the currency's minor unit (cents for USD).
        tax_total (int): An amount in the currency's minor unit (cents for USD).
        total (int): An amount in the currency's minor unit (cents for USD).
        amount_paid (int): An amount in the currency's minor unit (cents for USD).
        amount_credited (int): An amount in the currency's minor unit (cents for USD).
        amount_due (int): An amount in the currency's minor unit (cents for USD).
        allocations (list[Allocation]):
        credit_notes (list[InvoiceCreditNotesItem]):
        metadata (MetadataType0 | None): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a request,
            null clears it (same as {}); answers always carry an object.
        version (int):
        voided_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    number: str
    order_id: int
    customer_id: int
    status: InvoiceStatus
    currency: Currency
    issue_date: datetime.date
    due_date: datetime.date
    overdue: bool
    notes: None | str
    lines: list[InvoiceLine]
    subtotal: int
    tax_total: int
    total: int
    amount_paid: int
    amount_credited: int
    amount_due: int
    allocations: list[Allocation]
    credit_notes: list[InvoiceCreditNotesItem]
    metadata: MetadataType0 | None
    version: int
    voided_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        id = self.id

        number = self.number

        order_id = self.order_id

        customer_id = self.customer_id

        status = self.status.value

        currency = self.currency.value

        issue_date = self.issue_date.isoformat()

        due_date = self.due_date.isoformat()

        overdue = self.overdue

        notes: None | str
        notes = self.notes

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        subtotal = self.subtotal

        tax_total = self.tax_total

        total = self.total

        amount_paid = self.amount_paid

        amount_credited = self.amount_credited

        amount_due = self.amount_due

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        credit_notes = []
        for credit_notes_item_data in self.credit_notes:
            credit_notes_item = credit_notes_item_data.to_dict()
            credit_notes.append(credit_notes_item)

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, MetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        version = self.version

        voided_at: None | str
        if isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "order_id": order_id,
                "customer_id": customer_id,
                "status": status,
                "currency": currency,
                "issue_date": issue_date,
                "due_date": due_date,
                "overdue": overdue,
                "notes": notes,
                "lines": lines,
                "subtotal": subtotal,
                "tax_total": tax_total,
                "total": total,
                "amount_paid": amount_paid,
                "amount_credited": amount_credited,
                "amount_due": amount_due,
                "allocations": allocations,
                "credit_notes": credit_notes,
                "metadata": metadata,
                "version": version,
                "voided_at": voided_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation import Allocation  # noqa: PLC0415
        from ..models.invoice_credit_notes_item import InvoiceCreditNotesItem  # noqa: PLC0415
        from ..models.invoice_line import InvoiceLine  # noqa: PLC0415
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        order_id = d.pop("order_id")

        customer_id = d.pop("customer_id")

        status = InvoiceStatus(d.pop("status"))

        currency = Currency(d.pop("currency"))

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        overdue = d.pop("overdue")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = InvoiceLine.from_dict(lines_item_data)

            lines.append(lines_item)

        subtotal = d.pop("subtotal")

        tax_total = d.pop("tax_total")

        total = d.pop("total")

        amount_paid = d.pop("amount_paid")

        amount_credited = d.pop("amount_credited")

        amount_due = d.pop("amount_due")

        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in _allocations:
            allocations_item = Allocation.from_dict(allocations_item_data)

            allocations.append(allocations_item)

        credit_notes = []
        _credit_notes = d.pop("credit_notes")
        for credit_notes_item_data in _credit_notes:
            credit_notes_item = InvoiceCreditNotesItem.from_dict(credit_notes_item_data)

            credit_notes.append(credit_notes_item)

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

        def _parse_voided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_timestamp_or_null_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_timestamp_or_null_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        voided_at = _parse_voided_at(d.pop("voided_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        invoice = cls(
            id=id,
            number=number,
            order_id=order_id,
            customer_id=customer_id,
            status=status,
            currency=currency,
            issue_date=issue_date,
            due_date=due_date,
            overdue=overdue,
            notes=notes,
            lines=lines,
            subtotal=subtotal,
            tax_total=tax_total,
            total=total,
            amount_paid=amount_paid,
            amount_credited=amount_credited,
            amount_due=amount_due,
            allocations=allocations,
            credit_notes=credit_notes,
            metadata=metadata,
            version=version,
            voided_at=voided_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        invoice.additional_properties = d
        return invoice

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_line_request import InvoiceLineRequest


T = TypeVar("T", bound="InvoiceInput")


@_attrs_define
class InvoiceInput:
    """
    Attributes:
        lines (list[InvoiceLineRequest] | Unset):
        issue_date (datetime.date | Unset): Default: today (UTC).
        due_date (datetime.date | Unset): Default: issue_date + the customer's payment_terms_days.
        notes (None | str | Unset):
    """

    lines: list[InvoiceLineRequest] | Unset = UNSET
    issue_date: datetime.date | Unset = UNSET
    due_date: datetime.date | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        issue_date: str | Unset = UNSET
        if not isinstance(self.issue_date, Unset):
            issue_date = self.issue_date.isoformat()

        due_date: str | Unset = UNSET
        if not isinstance(self.due_date, Unset):
            due_date = self.due_date.isoformat()

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if lines is not UNSET:
            field_dict["lines"] = lines
        if issue_date is not UNSET:
            field_dict["issue_date"] = issue_date
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_line_request import InvoiceLineRequest  # noqa: PLC0415

        d = dict(src_dict)
        _lines = d.pop("lines", UNSET)
        lines: list[InvoiceLineRequest] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = InvoiceLineRequest.from_dict(lines_item_data)

                lines.append(lines_item)

        _issue_date = d.pop("issue_date", UNSET)
        issue_date: datetime.date | Unset
        if isinstance(_issue_date, Unset):
            issue_date = UNSET
        else:
            issue_date = datetime.date.fromisoformat(_issue_date)

        _due_date = d.pop("due_date", UNSET)
        due_date: datetime.date | Unset
        if isinstance(_due_date, Unset):
            due_date = UNSET
        else:
            due_date = datetime.date.fromisoformat(_due_date)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        invoice_input = cls(
            lines=lines,
            issue_date=issue_date,
            due_date=due_date,
            notes=notes,
        )

        return invoice_input

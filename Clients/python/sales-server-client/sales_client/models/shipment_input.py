from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_line_request import InvoiceLineRequest


T = TypeVar("T", bound="ShipmentInput")


@_attrs_define
class ShipmentInput:
    """
    Attributes:
        lines (list[InvoiceLineRequest] | Unset):
        carrier (None | str | Unset):
        tracking_number (None | str | Unset):
    """

    lines: list[InvoiceLineRequest] | Unset = UNSET
    carrier: None | str | Unset = UNSET
    tracking_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        else:
            carrier = self.carrier

        tracking_number: None | str | Unset
        if isinstance(self.tracking_number, Unset):
            tracking_number = UNSET
        else:
            tracking_number = self.tracking_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if lines is not UNSET:
            field_dict["lines"] = lines
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if tracking_number is not UNSET:
            field_dict["tracking_number"] = tracking_number

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

        def _parse_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))

        def _parse_tracking_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracking_number = _parse_tracking_number(d.pop("tracking_number", UNSET))

        shipment_input = cls(
            lines=lines,
            carrier=carrier,
            tracking_number=tracking_number,
        )

        return shipment_input

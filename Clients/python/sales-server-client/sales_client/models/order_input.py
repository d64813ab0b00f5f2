from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.order_source import OrderSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_type_0 import AddressType0
    from ..models.line_input import LineInput
    from ..models.metadata_type_0 import MetadataType0


T = TypeVar("T", bound="OrderInput")


@_attrs_define
class OrderInput:
    """
    Attributes:
        customer_id (int):
        lines (list[LineInput]):
        source (OrderSource | Unset): quote is set by converting a quote.
        external_ref (None | str | Unset):
        sales_rep_id (int | None | Unset):
        shipping_address (AddressType0 | None | Unset): Every field is optional; null (or an address with no fields) is
            no address.
        notes (None | str | Unset):
        allow_backorder (bool | Unset):  Default: False.
        auto_invoice (bool | Unset): Invoice everything invoiceable in the confirming transaction. Default: False.
        confirm (bool | Unset):  Default: False.
        override_credit_limit (bool | Unset): Admin keys only. Default: False.
        metadata (MetadataType0 | None | Unset): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a
            request, null clears it (same as {}); answers always carry an object.
    """

    customer_id: int
    lines: list[LineInput]
    source: OrderSource | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    sales_rep_id: int | None | Unset = UNSET
    shipping_address: AddressType0 | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    allow_backorder: bool | Unset = False
    auto_invoice: bool | Unset = False
    confirm: bool | Unset = False
    override_credit_limit: bool | Unset = False
    metadata: MetadataType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_type_0 import AddressType0  # noqa: PLC0415
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        customer_id = self.customer_id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        sales_rep_id: int | None | Unset
        if isinstance(self.sales_rep_id, Unset):
            sales_rep_id = UNSET
        else:
            sales_rep_id = self.sales_rep_id

        shipping_address: dict[str, Any] | None | Unset
        if isinstance(self.shipping_address, Unset):
            shipping_address = UNSET
        elif isinstance(self.shipping_address, AddressType0):
            shipping_address = self.shipping_address.to_dict()
        else:
            shipping_address = self.shipping_address

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        allow_backorder = self.allow_backorder

        auto_invoice = self.auto_invoice

        confirm = self.confirm

        override_credit_limit = self.override_credit_limit

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
        if source is not UNSET:
            field_dict["source"] = source
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if sales_rep_id is not UNSET:
            field_dict["sales_rep_id"] = sales_rep_id
        if shipping_address is not UNSET:
            field_dict["shipping_address"] = shipping_address
        if notes is not UNSET:
            field_dict["notes"] = notes
        if allow_backorder is not UNSET:
            field_dict["allow_backorder"] = allow_backorder
        if auto_invoice is not UNSET:
            field_dict["auto_invoice"] = auto_invoice
        if confirm is not UNSET:
            field_dict["confirm"] = confirm
        if override_credit_limit is not UNSET:
            field_dict["override_credit_limit"] = override_credit_limit
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_type_0 import AddressType0  # noqa: PLC0415
        from ..models.line_input import LineInput  # noqa: PLC0415
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineInput.from_dict(lines_item_data)

            lines.append(lines_item)

        _source = d.pop("source", UNSET)
        source: OrderSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = OrderSource(_source)

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_sales_rep_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sales_rep_id = _parse_sales_rep_id(d.pop("sales_rep_id", UNSET))

        def _parse_shipping_address(data: object) -> AddressType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_address_type_0 = AddressType0.from_dict(data)

                return componentsschemas_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressType0 | None | Unset, data)

        shipping_address = _parse_shipping_address(d.pop("shipping_address", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        allow_backorder = d.pop("allow_backorder", UNSET)

        auto_invoice = d.pop("auto_invoice", UNSET)

        confirm = d.pop("confirm", UNSET)

        override_credit_limit = d.pop("override_credit_limit", UNSET)

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

        order_input = cls(
            customer_id=customer_id,
            lines=lines,
            source=source,
            external_ref=external_ref,
            sales_rep_id=sales_rep_id,
            shipping_address=shipping_address,
            notes=notes,
            allow_backorder=allow_backorder,
            auto_invoice=auto_invoice,
            confirm=confirm,
            override_credit_limit=override_credit_limit,
            metadata=metadata,
        )

        return order_input

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..models.order_invoice_status import OrderInvoiceStatus
from ..models.order_payment_status import OrderPaymentStatus
from ..models.order_shipment_status import OrderShipmentStatus
from ..models.order_source import OrderSource
from ..models.order_status import OrderStatus

if TYPE_CHECKING:
    from ..models.address_type_0 import AddressType0
    from ..models.balance import Balance
    from ..models.metadata_type_0 import MetadataType0
    from ..models.order_line import OrderLine


T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """
    Attributes:
        id (int):
        number (str):
        customer_id (int):
        status (OrderStatus):
        source (OrderSource): quote is set by converting a quote.
        external_ref (None | str):
        sales_rep_id (int | None):
        currency (Currency): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        shipping_address (AddressType0 | None): Every field is optional; null (or an address with no fields) is no
            address.
        notes (None | str):
        allow_backorder (bool):
        auto_invoice (bool):
        quote_id (int | None):
        lines (list[OrderLine]):
        subtotal (int): An amount in the currency's minor unit (cents for USD).
        tax_total (int): An amount in the currency's minor unit (cents for USD).
        total (int): An amount in the currency's minor unit (cents for USD).
        amount_invoiced (int): An amount in the currency's minor unit (cents for USD).
        amount_paid (int): An amount in the currency's minor unit (cents for USD).
        invoice_status (OrderInvoiceStatus):
        shipment_status (OrderShipmentStatus):
        payment_status (OrderPaymentStatus):
        customer_balance (Balance):
        confirmed_at (datetime.datetime | None):
        metadata (MetadataType0 | None): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a request,
            null clears it (same as {}); answers always carry an object.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    number: str
    customer_id: int
    status: OrderStatus
    source: OrderSource
    external_ref: None | str
    sales_rep_id: int | None
    currency: Currency
    shipping_address: AddressType0 | None
    notes: None | str
    allow_backorder: bool
    auto_invoice: bool
    quote_id: int | None
    lines: list[OrderLine]
    subtotal: int
    tax_total: int
    total: int
    amount_invoiced: int
    amount_paid: int
    invoice_status: OrderInvoiceStatus
    shipment_status: OrderShipmentStatus
    payment_status: OrderPaymentStatus
    customer_balance: Balance
    confirmed_at: datetime.datetime | None
    metadata: MetadataType0 | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_type_0 import AddressType0  # noqa: PLC0415
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        id = self.id

        number = self.number

        customer_id = self.customer_id

        status = self.status.value

        source = self.source.value

        external_ref: None | str
        external_ref = self.external_ref

        sales_rep_id: int | None
        sales_rep_id = self.sales_rep_id

        currency = self.currency.value

        shipping_address: dict[str, Any] | None
        if isinstance(self.shipping_address, AddressType0):
            shipping_address = self.shipping_address.to_dict()
        else:
            shipping_address = self.shipping_address

        notes: None | str
        notes = self.notes

        allow_backorder = self.allow_backorder

        auto_invoice = self.auto_invoice

        quote_id: int | None
        quote_id = self.quote_id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        subtotal = self.subtotal

        tax_total = self.tax_total

        total = self.total

        amount_invoiced = self.amount_invoiced

        amount_paid = self.amount_paid

        invoice_status = self.invoice_status.value

        shipment_status = self.shipment_status.value

        payment_status = self.payment_status.value

        customer_balance = self.customer_balance.to_dict()

        confirmed_at: None | str
        if isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

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
                "source": source,
                "external_ref": external_ref,
                "sales_rep_id": sales_rep_id,
                "currency": currency,
                "shipping_address": shipping_address,
                "notes": notes,
                "allow_backorder": allow_backorder,
                "auto_invoice": auto_invoice,
                "quote_id": quote_id,
                "lines": lines,
                "subtotal": subtotal,
                "tax_total": tax_total,
                "total": total,
                "amount_invoiced": amount_invoiced,
                "amount_paid": amount_paid,
                "invoice_status": invoice_status,
                "shipment_status": shipment_status,
                "payment_status": payment_status,
                "customer_balance": customer_balance,
                "confirmed_at": confirmed_at,
                "metadata": metadata,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_type_0 import AddressType0  # noqa: PLC0415
        from ..models.balance import Balance  # noqa: PLC0415
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415
        from ..models.order_line import OrderLine  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        customer_id = d.pop("customer_id")

        status = OrderStatus(d.pop("status"))

        source = OrderSource(d.pop("source"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        def _parse_sales_rep_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        sales_rep_id = _parse_sales_rep_id(d.pop("sales_rep_id"))

        currency = Currency(d.pop("currency"))

        def _parse_shipping_address(data: object) -> AddressType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_address_type_0 = AddressType0.from_dict(data)

                return componentsschemas_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressType0 | None, data)

        shipping_address = _parse_shipping_address(d.pop("shipping_address"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        allow_backorder = d.pop("allow_backorder")

        auto_invoice = d.pop("auto_invoice")

        def _parse_quote_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quote_id = _parse_quote_id(d.pop("quote_id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLine.from_dict(lines_item_data)

            lines.append(lines_item)

        subtotal = d.pop("subtotal")

        tax_total = d.pop("tax_total")

        total = d.pop("total")

        amount_invoiced = d.pop("amount_invoiced")

        amount_paid = d.pop("amount_paid")

        invoice_status = OrderInvoiceStatus(d.pop("invoice_status"))

        shipment_status = OrderShipmentStatus(d.pop("shipment_status"))

        payment_status = OrderPaymentStatus(d.pop("payment_status"))

        customer_balance = Balance.from_dict(d.pop("customer_balance"))

        def _parse_confirmed_at(data: object) -> datetime.datetime | None:
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

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at"))

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

        order = cls(
            id=id,
            number=number,
            customer_id=customer_id,
            status=status,
            source=source,
            external_ref=external_ref,
            sales_rep_id=sales_rep_id,
            currency=currency,
            shipping_address=shipping_address,
            notes=notes,
            allow_backorder=allow_backorder,
            auto_invoice=auto_invoice,
            quote_id=quote_id,
            lines=lines,
            subtotal=subtotal,
            tax_total=tax_total,
            total=total,
            amount_invoiced=amount_invoiced,
            amount_paid=amount_paid,
            invoice_status=invoice_status,
            shipment_status=shipment_status,
            payment_status=payment_status,
            customer_balance=customer_balance,
            confirmed_at=confirmed_at,
            metadata=metadata,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        order.additional_properties = d
        return order

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

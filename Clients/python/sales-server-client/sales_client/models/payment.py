from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..models.payment_method import PaymentMethod
from ..models.payment_status import PaymentStatus

if TYPE_CHECKING:
    from ..models.allocation import Allocation
    from ..models.metadata_type_0 import MetadataType0


T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """
    Attributes:
        id (int):
        number (str):
        customer_id (int):
        order_id (int | None):
        status (PaymentStatus):
        amount (int): A positive amount in the currency's minor unit.
        currency (Currency): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        method (PaymentMethod):
        reference (None | str):
        received_at (datetime.datetime):
        amount_allocated (int): An amount in the currency's minor unit (cents for USD).
        amount_unallocated (int): An amount in the currency's minor unit (cents for USD).
        allocations (list[Allocation]):
        void_reason (None | str):
        voided_at (datetime.datetime | None):
        metadata (MetadataType0 | None): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a request,
            null clears it (same as {}); answers always carry an object.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    number: str
    customer_id: int
    order_id: int | None
    status: PaymentStatus
    amount: int
    currency: Currency
    method: PaymentMethod
    reference: None | str
    received_at: datetime.datetime
    amount_allocated: int
    amount_unallocated: int
    allocations: list[Allocation]
    void_reason: None | str
    voided_at: datetime.datetime | None
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

        order_id: int | None
        order_id = self.order_id

        status = self.status.value

        amount = self.amount

        currency = self.currency.value

        method = self.method.value

        reference: None | str
        reference = self.reference

        received_at = self.received_at.isoformat()

        amount_allocated = self.amount_allocated

        amount_unallocated = self.amount_unallocated

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        void_reason: None | str
        void_reason = self.void_reason

        voided_at: None | str
        if isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

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
                "order_id": order_id,
                "status": status,
                "amount": amount,
                "currency": currency,
                "method": method,
                "reference": reference,
                "received_at": received_at,
                "amount_allocated": amount_allocated,
                "amount_unallocated": amount_unallocated,
                "allocations": allocations,
                "void_reason": void_reason,
                "voided_at": voided_at,
                "metadata": metadata,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation import Allocation  # noqa: PLC0415
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        customer_id = d.pop("customer_id")

        def _parse_order_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        order_id = _parse_order_id(d.pop("order_id"))

        status = PaymentStatus(d.pop("status"))

        amount = d.pop("amount")

        currency = Currency(d.pop("currency"))

        method = PaymentMethod(d.pop("method"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        amount_allocated = d.pop("amount_allocated")

        amount_unallocated = d.pop("amount_unallocated")

        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in _allocations:
            allocations_item = Allocation.from_dict(allocations_item_data)

            allocations.append(allocations_item)

        def _parse_void_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        void_reason = _parse_void_reason(d.pop("void_reason"))

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

        payment = cls(
            id=id,
            number=number,
            customer_id=customer_id,
            order_id=order_id,
            status=status,
            amount=amount,
            currency=currency,
            method=method,
            reference=reference,
            received_at=received_at,
            amount_allocated=amount_allocated,
            amount_unallocated=amount_unallocated,
            allocations=allocations,
            void_reason=void_reason,
            voided_at=voided_at,
            metadata=metadata,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        payment.additional_properties = d
        return payment

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

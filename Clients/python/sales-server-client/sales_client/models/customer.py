from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency

if TYPE_CHECKING:
    from ..models.address_type_0 import AddressType0
    from ..models.balance import Balance
    from ..models.metadata_type_0 import MetadataType0


T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """
    Attributes:
        id (int):
        name (str):
        email (None | str):
        phone (None | str):
        billing_address (AddressType0 | None): Every field is optional; null (or an address with no fields) is no
            address.
        shipping_address (AddressType0 | None): Every field is optional; null (or an address with no fields) is no
            address.
        currency (Currency): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        credit_limit (int | None):
        payment_terms_days (int):
        sales_rep_id (int | None):
        external_ref (None | str):
        active (bool):
        metadata (MetadataType0 | None): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a request,
            null clears it (same as {}); answers always carry an object.
        balance (Balance):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    name: str
    email: None | str
    phone: None | str
    billing_address: AddressType0 | None
    shipping_address: AddressType0 | None
    currency: Currency
    credit_limit: int | None
    payment_terms_days: int
    sales_rep_id: int | None
    external_ref: None | str
    active: bool
    metadata: MetadataType0 | None
    balance: Balance
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_type_0 import AddressType0  # noqa: PLC0415
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        id = self.id

        name = self.name

        email: None | str
        email = self.email

        phone: None | str
        phone = self.phone

        billing_address: dict[str, Any] | None
        if isinstance(self.billing_address, AddressType0):
            billing_address = self.billing_address.to_dict()
        else:
            billing_address = self.billing_address

        shipping_address: dict[str, Any] | None
        if isinstance(self.shipping_address, AddressType0):
            shipping_address = self.shipping_address.to_dict()
        else:
            shipping_address = self.shipping_address

        currency = self.currency.value

        credit_limit: int | None
        credit_limit = self.credit_limit

        payment_terms_days = self.payment_terms_days

        sales_rep_id: int | None
        sales_rep_id = self.sales_rep_id

        external_ref: None | str
        external_ref = self.external_ref

        active = self.active

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, MetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        balance = self.balance.to_dict()

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "email": email,
                "phone": phone,
                "billing_address": billing_address,
                "shipping_address": shipping_address,
                "currency": currency,
                "credit_limit": credit_limit,
                "payment_terms_days": payment_terms_days,
                "sales_rep_id": sales_rep_id,
                "external_ref": external_ref,
                "active": active,
                "metadata": metadata,
                "balance": balance,
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

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_billing_address(data: object) -> AddressType0 | None:
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

        billing_address = _parse_billing_address(d.pop("billing_address"))

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

        currency = Currency(d.pop("currency"))

        def _parse_credit_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        credit_limit = _parse_credit_limit(d.pop("credit_limit"))

        payment_terms_days = d.pop("payment_terms_days")

        def _parse_sales_rep_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        sales_rep_id = _parse_sales_rep_id(d.pop("sales_rep_id"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        active = d.pop("active")

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

        balance = Balance.from_dict(d.pop("balance"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        customer = cls(
            id=id,
            name=name,
            email=email,
            phone=phone,
            billing_address=billing_address,
            shipping_address=shipping_address,
            currency=currency,
            credit_limit=credit_limit,
            payment_terms_days=payment_terms_days,
            sales_rep_id=sales_rep_id,
            external_ref=external_ref,
            active=active,
            metadata=metadata,
            balance=balance,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        customer.additional_properties = d
        return customer

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

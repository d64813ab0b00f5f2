from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.product_invoice_policy import ProductInvoicePolicy
from ..models.product_type import ProductType

if TYPE_CHECKING:
    from ..models.metadata_type_0 import MetadataType0
    from ..models.product_prices import ProductPrices
    from ..models.stock_type_0 import StockType0


T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """
    Attributes:
        id (int):
        sku (str):
        name (str):
        description (None | str):
        type_ (ProductType):
        unit_price (int): An amount in the currency's minor unit (cents for USD).
        prices (ProductPrices):
        tax_rate_id (int | None):
        reorder_level (float | None): 0 to 10^9 with at most 3 decimal places, kept exactly; or null.
        invoice_policy (ProductInvoicePolicy):
        active (bool):
        metadata (MetadataType0 | None): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a request,
            null clears it (same as {}); answers always carry an object.
        stock (None | StockType0): null for services.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    sku: str
    name: str
    description: None | str
    type_: ProductType
    unit_price: int
    prices: ProductPrices
    tax_rate_id: int | None
    reorder_level: float | None
    invoice_policy: ProductInvoicePolicy
    active: bool
    metadata: MetadataType0 | None
    stock: None | StockType0
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415
        from ..models.stock_type_0 import StockType0  # noqa: PLC0415

        id = self.id

        sku = self.sku

        name = self.name

        description: None | str
        description = self.description

        type_ = self.type_.value

        unit_price = self.unit_price

        prices = self.prices.to_dict()

        tax_rate_id: int | None
        tax_rate_id = self.tax_rate_id

        reorder_level: float | None
        reorder_level = self.reorder_level

        invoice_policy = self.invoice_policy.value

        active = self.active

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, MetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        stock: dict[str, Any] | None
        if isinstance(self.stock, StockType0):
            stock = self.stock.to_dict()
        else:
            stock = self.stock

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "sku": sku,
                "name": name,
                "description": description,
                "type": type_,
                "unit_price": unit_price,
                "prices": prices,
                "tax_rate_id": tax_rate_id,
                "reorder_level": reorder_level,
                "invoice_policy": invoice_policy,
                "active": active,
                "metadata": metadata,
                "stock": stock,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415
        from ..models.product_prices import ProductPrices  # noqa: PLC0415
        from ..models.stock_type_0 import StockType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        sku = d.pop("sku")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        type_ = ProductType(d.pop("type"))

        unit_price = d.pop("unit_price")

        prices = ProductPrices.from_dict(d.pop("prices"))

        def _parse_tax_rate_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        tax_rate_id = _parse_tax_rate_id(d.pop("tax_rate_id"))

        def _parse_reorder_level(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        reorder_level = _parse_reorder_level(d.pop("reorder_level"))

        invoice_policy = ProductInvoicePolicy(d.pop("invoice_policy"))

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

        def _parse_stock(data: object) -> None | StockType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_stock_type_0 = StockType0.from_dict(data)

                return componentsschemas_stock_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StockType0, data)

        stock = _parse_stock(d.pop("stock"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        product = cls(
            id=id,
            sku=sku,
            name=name,
            description=description,
            type_=type_,
            unit_price=unit_price,
            prices=prices,
            tax_rate_id=tax_rate_id,
            reorder_level=reorder_level,
            invoice_policy=invoice_policy,
            active=active,
            metadata=metadata,
            stock=stock,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        product.additional_properties = d
        return product

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

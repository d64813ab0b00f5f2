from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.product_patch_invoice_policy import ProductPatchInvoicePolicy
from ..models.product_type import ProductType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata_type_0 import MetadataType0
    from ..models.prices_type_0 import PricesType0


T = TypeVar("T", bound="ProductPatch")


@_attrs_define
class ProductPatch:
    """Absent fields keep their value (docs/api.md §1 PATCH).

    Attributes:
        sku (str | Unset): Unique.
        name (str | Unset):
        description (None | str | Unset):
        type_ (ProductType | Unset):
        unit_price (int | Unset): In the server's currency
        prices (None | PricesType0 | Unset): Prices in other currencies (not the server's), minor units, by ISO 4217
            code. In a request, null clears them (same as {}); answers always carry an object.
        tax_rate_id (int | None | Unset):
        reorder_level (float | None | Unset): 0 to 10^9 with at most 3 decimal places, kept exactly; or null.
        invoice_policy (ProductPatchInvoicePolicy | Unset):
        active (bool | Unset):
        metadata (MetadataType0 | None | Unset): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a
            request, null clears it (same as {}); answers always carry an object.
    """

    sku: str | Unset = UNSET
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    type_: ProductType | Unset = UNSET
    unit_price: int | Unset = UNSET
    prices: None | PricesType0 | Unset = UNSET
    tax_rate_id: int | None | Unset = UNSET
    reorder_level: float | None | Unset = UNSET
    invoice_policy: ProductPatchInvoicePolicy | Unset = UNSET
    active: bool | Unset = UNSET
    metadata: MetadataType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415
        from ..models.prices_type_0 import PricesType0  # noqa: PLC0415

        sku = self.sku

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        unit_price = self.unit_price

        prices: dict[str, Any] | None | Unset
        if isinstance(self.prices, Unset):
            prices = UNSET
        elif isinstance(self.prices, PricesType0):
            prices = self.prices.to_dict()
        else:
            prices = self.prices

        tax_rate_id: int | None | Unset
        if isinstance(self.tax_rate_id, Unset):
            tax_rate_id = UNSET
        else:
            tax_rate_id = self.tax_rate_id

        reorder_level: float | None | Unset
        if isinstance(self.reorder_level, Unset):
            reorder_level = UNSET
        else:
            reorder_level = self.reorder_level

        invoice_policy: str | Unset = UNSET
        if not isinstance(self.invoice_policy, Unset):
            invoice_policy = self.invoice_policy.value

        active = self.active

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, MetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if sku is not UNSET:
            field_dict["sku"] = sku
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if type_ is not UNSET:
            field_dict["type"] = type_
        if unit_price is not UNSET:
            field_dict["unit_price"] = unit_price
        if prices is not UNSET:
            field_dict["prices"] = prices
        if tax_rate_id is not UNSET:
            field_dict["tax_rate_id"] = tax_rate_id
        if reorder_level is not UNSET:
            field_dict["reorder_level"] = reorder_level
        if invoice_policy is not UNSET:
            field_dict["invoice_policy"] = invoice_policy
        if active is not UNSET:
            field_dict["active"] = active
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415
        from ..models.prices_type_0 import PricesType0  # noqa: PLC0415

        d = dict(src_dict)
        sku = d.pop("sku", UNSET)

        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: ProductType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ProductType(_type_)

        unit_price = d.pop("unit_price", UNSET)

        def _parse_prices(data: object) -> None | PricesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_prices_type_0 = PricesType0.from_dict(data)

                return componentsschemas_prices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PricesType0 | Unset, data)

        prices = _parse_prices(d.pop("prices", UNSET))

        def _parse_tax_rate_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tax_rate_id = _parse_tax_rate_id(d.pop("tax_rate_id", UNSET))

        def _parse_reorder_level(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        reorder_level = _parse_reorder_level(d.pop("reorder_level", UNSET))

        _invoice_policy = d.pop("invoice_policy", UNSET)
        invoice_policy: ProductPatchInvoicePolicy | Unset
        if isinstance(_invoice_policy, Unset):
            invoice_policy = UNSET
        else:
            invoice_policy = ProductPatchInvoicePolicy(_invoice_policy)

        active = d.pop("active", UNSET)

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

        product_patch = cls(
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
        )

        return product_patch

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metadata_type_0 import MetadataType0


T = TypeVar("T", bound="SalesRep")


@_attrs_define
class SalesRep:
    """
    Attributes:
        id (int):
        name (str):
        email (None | str):
        phone (None | str):
        active (bool):
        clocked_in (bool):
        open_shift_id (int | None):
        metadata (MetadataType0 | None): String → string (≤ 50 keys, key ≤ 40, value ≤ 500 characters). In a request,
            null clears it (same as {}); answers always carry an object.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    name: str
    email: None | str
    phone: None | str
    active: bool
    clocked_in: bool
    open_shift_id: int | None
    metadata: MetadataType0 | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_type_0 import MetadataType0  # noqa: PLC0415

        id = self.id

        name = self.name

        email: None | str
        email = self.email

        phone: None | str
        phone = self.phone

        active = self.active

        clocked_in = self.clocked_in

        open_shift_id: int | None
        open_shift_id = self.open_shift_id

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
                "name": name,
                "email": email,
                "phone": phone,
                "active": active,
                "clocked_in": clocked_in,
                "open_shift_id": open_shift_id,
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

        active = d.pop("active")

        clocked_in = d.pop("clocked_in")

        def _parse_open_shift_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        open_shift_id = _parse_open_shift_id(d.pop("open_shift_id"))

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

        sales_rep = cls(
            id=id,
            name=name,
            email=email,
            phone=phone,
            active=active,
            clocked_in=clocked_in,
            open_shift_id=open_shift_id,
            metadata=metadata,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        sales_rep.additional_properties = d
        return sales_rep

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

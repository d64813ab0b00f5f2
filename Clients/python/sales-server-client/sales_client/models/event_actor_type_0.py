from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_actor_type_0_type import EventActorType0Type

T = TypeVar("T", bound="EventActorType0")


@_attrs_define
class EventActorType0:
    """The API key that made the change; null when no key did (the server's own changes).

    Attributes:
        type_ (EventActorType0Type):
        id (int):
        name (str):
    """

    type_: EventActorType0Type
    id: int
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = EventActorType0Type(d.pop("type"))

        id = d.pop("id")

        name = d.pop("name")

        event_actor_type_0 = cls(
            type_=type_,
            id=id,
            name=name,
        )

        event_actor_type_0.additional_properties = d
        return event_actor_type_0

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

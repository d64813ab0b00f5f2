from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_actor_type_0 import EventActorType0
    from ..models.event_data import EventData


T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """
    Attributes:
        id (int):
        type_ (str):
        created_at (datetime.datetime):
        actor (EventActorType0 | None): The API key that made the change; null when no key did (the server's own
            changes).
        resource_type (str):
        resource_id (int):
        data (EventData):
    """

    id: int
    type_: str
    created_at: datetime.datetime
    actor: EventActorType0 | None
    resource_type: str
    resource_id: int
    data: EventData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_actor_type_0 import EventActorType0  # noqa: PLC0415

        id = self.id

        type_ = self.type_

        created_at = self.created_at.isoformat()

        actor: dict[str, Any] | None
        if isinstance(self.actor, EventActorType0):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

        resource_type = self.resource_type

        resource_id = self.resource_id

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "created_at": created_at,
                "actor": actor,
                "resource_type": resource_type,
                "resource_id": resource_id,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_actor_type_0 import EventActorType0  # noqa: PLC0415
        from ..models.event_data import EventData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_actor(data: object) -> EventActorType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_actor_type_0 = EventActorType0.from_dict(data)

                return componentsschemas_event_actor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventActorType0 | None, data)

        actor = _parse_actor(d.pop("actor"))

        resource_type = d.pop("resource_type")

        resource_id = d.pop("resource_id")

        data = EventData.from_dict(d.pop("data"))

        event = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            actor=actor,
            resource_type=resource_type,
            resource_id=resource_id,
            data=data,
        )

        event.additional_properties = d
        return event

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

from enum import StrEnum


class EventActorType0Type(StrEnum):
    API_KEY = "api_key"

    def __str__(self) -> str:
        return str(self.value)

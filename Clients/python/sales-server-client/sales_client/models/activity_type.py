from enum import StrEnum


class ActivityType(StrEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    NOTE = "note"
    VISIT = "visit"

    def __str__(self) -> str:
        return str(self.value)

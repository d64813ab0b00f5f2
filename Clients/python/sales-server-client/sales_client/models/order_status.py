from enum import StrEnum


class OrderStatus(StrEnum):
    CANCELED = "canceled"
    COMPLETED = "completed"
    CONFIRMED = "confirmed"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)

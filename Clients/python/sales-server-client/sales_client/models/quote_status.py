from enum import StrEnum


class QuoteStatus(StrEnum):
    ACCEPTED = "accepted"
    CANCELED = "canceled"
    DECLINED = "declined"
    DRAFT = "draft"
    EXPIRED = "expired"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class PaymentStatus(StrEnum):
    POSTED = "posted"
    VOID = "void"

    def __str__(self) -> str:
        return str(self.value)

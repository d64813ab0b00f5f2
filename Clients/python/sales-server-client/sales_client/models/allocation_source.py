from enum import StrEnum


class AllocationSource(StrEnum):
    CREDIT = "credit"
    PAYMENT = "payment"

    def __str__(self) -> str:
        return str(self.value)

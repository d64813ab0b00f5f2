from enum import StrEnum


class ProductInputInvoicePolicy(StrEnum):
    DELIVERED = "delivered"
    ORDERED = "ordered"

    def __str__(self) -> str:
        return str(self.value)

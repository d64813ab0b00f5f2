from enum import StrEnum


class ProductInvoicePolicy(StrEnum):
    DELIVERED = "delivered"
    ORDERED = "ordered"

    def __str__(self) -> str:
        return str(self.value)

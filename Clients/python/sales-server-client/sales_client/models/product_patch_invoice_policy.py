from enum import StrEnum


class ProductPatchInvoicePolicy(StrEnum):
    DELIVERED = "delivered"
    ORDERED = "ordered"

    def __str__(self) -> str:
        return str(self.value)

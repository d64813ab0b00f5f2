from enum import StrEnum


class OrderInvoiceStatus(StrEnum):
    INVOICED = "invoiced"
    NOT_INVOICED = "not_invoiced"
    PARTIALLY_INVOICED = "partially_invoiced"

    def __str__(self) -> str:
        return str(self.value)

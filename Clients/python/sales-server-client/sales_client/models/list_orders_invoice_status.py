from enum import StrEnum


class ListOrdersInvoiceStatus(StrEnum):
    INVOICED = "invoiced"
    NOT_INVOICED = "not_invoiced"
    PARTIALLY_INVOICED = "partially_invoiced"

    def __str__(self) -> str:
        return str(self.value)

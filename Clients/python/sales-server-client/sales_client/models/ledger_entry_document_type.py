from enum import StrEnum


class LedgerEntryDocumentType(StrEnum):
    CREDIT_NOTE = "credit_note"
    CREDIT_REFUND = "credit_refund"
    INVOICE = "invoice"
    PAYMENT = "payment"

    def __str__(self) -> str:
        return str(self.value)

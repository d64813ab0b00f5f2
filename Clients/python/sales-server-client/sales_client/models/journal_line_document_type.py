from enum import StrEnum


class JournalLineDocumentType(StrEnum):
    CREDIT_NOTE = "credit_note"
    CREDIT_REFUND = "credit_refund"
    INVOICE = "invoice"
    INVOICE_VOID = "invoice_void"
    PAYMENT = "payment"
    PAYMENT_VOID = "payment_void"

    def __str__(self) -> str:
        return str(self.value)

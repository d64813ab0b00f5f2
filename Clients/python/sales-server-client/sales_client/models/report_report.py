from enum import StrEnum


class ReportReport(StrEnum):
    COLLECTIONS = "collections"
    RECEIVABLES_AGING = "receivables_aging"
    SALES = "sales"
    SALES_REPS = "sales_reps"
    TOP_PRODUCTS = "top_products"

    def __str__(self) -> str:
        return str(self.value)

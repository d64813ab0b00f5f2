from enum import StrEnum


class SalesReportGroupBy(StrEnum):
    CUSTOMER = "customer"
    DAY = "day"
    MONTH = "month"
    PRODUCT = "product"
    SALES_REP = "sales_rep"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)

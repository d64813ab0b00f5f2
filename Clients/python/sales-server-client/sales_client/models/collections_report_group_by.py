from enum import StrEnum


class CollectionsReportGroupBy(StrEnum):
    DAY = "day"
    METHOD = "method"
    MONTH = "month"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class OrderSource(StrEnum):
    API = "api"
    ECOMMERCE = "ecommerce"
    MANUAL = "manual"
    POS = "pos"
    QUOTE = "quote"

    def __str__(self) -> str:
        return str(self.value)

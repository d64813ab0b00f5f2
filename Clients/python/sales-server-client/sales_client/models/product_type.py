from enum import StrEnum


class ProductType(StrEnum):
    SERVICE = "service"
    STOCKABLE = "stockable"

    def __str__(self) -> str:
        return str(self.value)

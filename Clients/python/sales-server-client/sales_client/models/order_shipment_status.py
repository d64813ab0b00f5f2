from enum import StrEnum


class OrderShipmentStatus(StrEnum):
    NOT_APPLICABLE = "not_applicable"
    NOT_SHIPPED = "not_shipped"
    PARTIALLY_SHIPPED = "partially_shipped"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)

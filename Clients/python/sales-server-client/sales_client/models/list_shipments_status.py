from enum import StrEnum


class ListShipmentsStatus(StrEnum):
    CANCELED = "canceled"
    DELIVERED = "delivered"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)

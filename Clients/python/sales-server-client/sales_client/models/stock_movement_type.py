from enum import StrEnum


class StockMovementType(StrEnum):
    ADJUSTMENT = "adjustment"
    RETURN = "return"
    SHIPMENT = "shipment"
    SHIPMENT_CANCEL = "shipment_cancel"

    def __str__(self) -> str:
        return str(self.value)

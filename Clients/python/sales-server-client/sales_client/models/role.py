from enum import StrEnum


class Role(StrEnum):
    ACCOUNTING = "accounting"
    ADMIN = "admin"
    READONLY = "readonly"
    SALES = "sales"
    WAREHOUSE = "warehouse"

    def __str__(self) -> str:
        return str(self.value)

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..models.report_report import ReportReport
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_rows_item import ReportRowsItem
    from ..models.report_totals import ReportTotals


T = TypeVar("T", bound="Report")


@_attrs_define
class Report:
    """`rows` are objects with the columns each report documents; `totals` sums the additive columns (absent for top-
    products).

        Attributes:
            report (ReportReport):
            rows (list[ReportRowsItem]):
            currency (Currency | Unset): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
                Sources/SalesCore/Currencies.swift).
            from_ (datetime.date | Unset):
            to (datetime.date | Unset):
            as_of (datetime.date | Unset):
            group_by (str | Unset):
            totals (ReportTotals | Unset):
    """

    report: ReportReport
    rows: list[ReportRowsItem]
    currency: Currency | Unset = UNSET
    from_: datetime.date | Unset = UNSET
    to: datetime.date | Unset = UNSET
    as_of: datetime.date | Unset = UNSET
    group_by: str | Unset = UNSET
    totals: ReportTotals | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        report = self.report.value

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        from_: str | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.isoformat()

        to: str | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = self.to.isoformat()

        as_of: str | Unset = UNSET
        if not isinstance(self.as_of, Unset):
            as_of = self.as_of.isoformat()

        group_by = self.group_by

        totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "report": report,
                "rows": rows,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if group_by is not UNSET:
            field_dict["group_by"] = group_by
        if totals is not UNSET:
            field_dict["totals"] = totals

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_rows_item import ReportRowsItem  # noqa: PLC0415
        from ..models.report_totals import ReportTotals  # noqa: PLC0415

        d = dict(src_dict)
        report = ReportReport(d.pop("report"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ReportRowsItem.from_dict(rows_item_data)

            rows.append(rows_item)

        _currency = d.pop("currency", UNSET)
        currency: Currency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = Currency(_currency)

        _from_ = d.pop("from", UNSET)
        from_: datetime.date | Unset
        if isinstance(_from_, Unset):
            from_ = UNSET
        else:
            from_ = datetime.date.fromisoformat(_from_)

        _to = d.pop("to", UNSET)
        to: datetime.date | Unset
        if isinstance(_to, Unset):
            to = UNSET
        else:
            to = datetime.date.fromisoformat(_to)

        _as_of = d.pop("as_of", UNSET)
        as_of: datetime.date | Unset
        if isinstance(_as_of, Unset):
            as_of = UNSET
        else:
            as_of = datetime.date.fromisoformat(_as_of)

        group_by = d.pop("group_by", UNSET)

        _totals = d.pop("totals", UNSET)
        totals: ReportTotals | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = ReportTotals.from_dict(_totals)

        report = cls(
            report=report,
            rows=rows,
            currency=currency,
            from_=from_,
            to=to,
            as_of=as_of,
            group_by=group_by,
            totals=totals,
        )

        report.additional_properties = d
        return report

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

// Reports (docs/api.md §3 Reports) and the journal export (§3 Accounting export): each as a table
// of the server's rows and totals, and the same report as CSV to download.
import { h, field, replace, table } from "../dom.js";
import { api } from "../api.js";
import { money, quantity, date } from "../format.js";
import { page, busy, showProblem } from "../ui.js";

const REPORTS = {
  sales: { title: "Sales", path: "/v1/reports/sales", groups: ["day", "week", "month", "customer", "product", "sales_rep"] },
  "receivables-aging": { title: "Receivables aging", path: "/v1/reports/receivables-aging", asOf: true },
  collections: { title: "Collections", path: "/v1/reports/collections", groups: ["day", "week", "month", "method"] },
  "sales-reps": { title: "Sales reps", path: "/v1/reports/sales-reps" },
  "top-products": { title: "Top products", path: "/v1/reports/top-products" },
  journal: { title: "Journal export", path: "/v1/exports/journal" },
};
// Columns that hold money (minor units of the report's currency) and quantities.
const MONEY = new Set(["subtotal", "tax", "total", "received", "voided", "net", "revenue", "current", "d1_30", "d31_60", "d61_90", "over_90", "debit", "credit"]);
const QUANTITY = new Set(["quantity"]);

export async function reports(_, query) {
  const name = REPORTS[query.report] ? query.report : "sales";
  const spec = REPORTS[name];
  const params = { from: query.from, to: query.to, as_of: query.as_of, group_by: query.group_by };
  const result = await api("GET", spec.path, { query: params });
  const from = h("input", { type: "date", name: "from", value: result.from || "" });
  const to = h("input", { type: "date", name: "to", value: result.to || "" });
  const group = spec.groups ? h("select", { name: "group_by" }, spec.groups.map((g) => h("option", { value: g, selected: g === (result.group_by || query.group_by) }, g.replace("_", " ")))) : null;
  const form = h("form", { class: "filters", onsubmit: (event) => {
    event.preventDefault();
    const next = new URLSearchParams({ report: name });
    if (spec.asOf) { if (to.value) next.set("as_of", to.value); } else {
      if (from.value) next.set("from", from.value);
      if (to.value) next.set("to", to.value);
    }
    if (group) next.set("group_by", group.value);
    location.hash = `#/reports?${next}`;
  } },
  spec.asOf ? field("As of", to) : [field("From", from), field("To", to)], group ? field("Group by", group) : null,
  h("button", { type: "submit" }, "Show"));
  const download = h("button", { type: "button", onclick: (event) => busy(event.target, async () => {
    try {
      const csv = await api("GET", spec.path, { query: { ...params, from: result.from, to: result.to, format: "csv" }, accept: "text/csv" });
      const link = h("a", { href: URL.createObjectURL(new Blob([csv], { type: "text/csv" })), download: `${name}-${result.from || result.as_of || ""}-${result.to || ""}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) { showProblem(holder, error); }
  }) }, "Download CSV");
  const holder = h("div");
  const rows = result.rows || result.lines || [];
  const columns = rows.length ? Object.keys(rows[0]).map((key) => ({
    label: key.replaceAll("_", " "),
    numeric: MONEY.has(key) || QUANTITY.has(key) || typeof rows[0][key] === "number",
    cell: (row) => (MONEY.has(key) ? money(row[key], result.currency) : QUANTITY.has(key) ? quantity(row[key]) : key === "date" ? date(row[key]) : row[key] ?? ""),
  })) : [];
  replace(holder,
    h("nav", { class: "tabs", "aria-label": "Reports" }, Object.entries(REPORTS).map(([key, r]) => h("a", { href: `#/reports?report=${key}`, "aria-current": key === name ? "page" : null }, r.title))),
    form, h("div", { class: "actions" }, download),
    table(columns, rows, { empty: "Nothing in this period." }),
    result.totals ? h("dl", { class: "facts totals-list" }, Object.entries(result.totals).map(([key, value]) => [
      h("dt", {}, key.replaceAll("_", " ")), h("dd", { class: "num" }, MONEY.has(key) ? money(value, result.currency) : String(value))])) : null);
  return page(`Report: ${spec.title}`, null, holder);
}

// Today's and this month's sales, receivables by age, low stock and the latest orders — five API
// calls: four at once, then this month's sales (docs/api.md §3 Reports).
import { h, table } from "../dom.js";
import { api } from "../api.js";
import { money, quantity, date } from "../format.js";
import { page, statusBadge } from "../ui.js";
import { barChart, stackedBar } from "../chart.js";

export async function dashboard() {
  // The server's own "today" and default range (the 30 days up to it): no date is taken from the
  // browser's clock, which may be in another day than the server's UTC one.
  const [recentSales, aging, lowStock, recent] = await Promise.all([
    api("GET", "/v1/reports/sales", { query: { group_by: "day" } }),
    api("GET", "/v1/reports/receivables-aging"),
    api("GET", "/v1/stock", { query: { low_stock: "true", limit: 10 } }),
    api("GET", "/v1/orders", { query: { limit: 8 } }),
  ]);
  // Today is the server's row for its `to` day (no row: no sales). This month is one more call,
  // from the 1st of the server's month to its today, so its totals are the server's.
  const today = recentSales.rows.find((r) => r.key === recentSales.to) || { total: 0, orders: 0 };
  const monthSales = await api("GET", "/v1/reports/sales", { query: { from: `${recentSales.to.slice(0, 8)}01`, to: recentSales.to, group_by: "day" } });
  const currency = monthSales.currency;
  const ages = [["current", "Not yet due", "age-0"], ["d1_30", "1–30 days", "age-1"], ["d31_60", "31–60", "age-2"],
    ["d61_90", "61–90", "age-3"], ["over_90", "Over 90", "age-4"]];
  return page("Dashboard", null,
    h("div", { class: "tiles" },
      tile("Sales today", money(today.total, currency), orders(today.orders)),
      tile("Sales this month", money(monthSales.totals.total, currency), orders(monthSales.totals.orders)),
      tile("Open receivables", money(aging.totals.total, aging.currency), `${money(aging.totals.over_90, aging.currency)} over 90 days`)),
    h("section", { class: "panel" }, h("h2", {}, "Sales this month, by day"),
      barChart(monthSales.rows.map((r) => ({ label: r.key.slice(8), value: r.total })), { title: "Sales this month by day", format: (v) => money(v, currency) }),
      table([{ label: "Day", cell: (r) => date(r.key) }, { label: "Orders", cell: (r) => r.orders, numeric: true },
        { label: "Total", cell: (r) => money(r.total, currency), numeric: true }], monthSales.rows, { empty: "No sales this month yet." })),
    h("section", { class: "panel" }, h("h2", {}, "Receivables by age"),
      stackedBar(ages.map(([key, label, cls]) => ({ label, value: aging.totals[key], class: cls })), { title: "Open receivables by age", format: (v) => money(v, aging.currency) }),
      h("ul", { class: "legend" }, ages.map(([key, label, cls]) => h("li", {}, h("span", { class: `swatch ${cls}` }), `${label}: ${money(aging.totals[key], aging.currency)}`)))),
    h("div", { class: "columns" },
      h("section", { class: "panel" }, h("h2", {}, "Low stock"),
        table([{ label: "SKU", cell: (r) => r.sku }, { label: "Product", cell: (r) => r.name },
          { label: "Available", cell: (r) => quantity(r.available), numeric: true }], lowStock.data, { empty: "Nothing is below its reorder level." })),
      h("section", { class: "panel" }, h("h2", {}, "Recent orders"),
        table([{ label: "Order", cell: (o) => o.number }, { label: "Status", cell: (o) => statusBadge(o.status) },
          { label: "Total", cell: (o) => money(o.total, o.currency), numeric: true }], recent.data, { empty: "No orders yet.", rowLink: (o) => `#/orders/${o.id}` }))));
}

function tile(label, figure, note) {
  return h("div", { class: "tile" }, h("div", { class: "tile-label" }, label), h("div", { class: "tile-figure" }, figure), h("div", { class: "tile-note" }, note));
}

function orders(count) { return `${count} order${count === 1 ? "" : "s"}`; }

// Sales orders: the list, a new order, and the order form — the customer's account beside it,
// each line's ordered, invoiced, shipped and remaining quantities, and the actions its state and
// the key's role allow (docs/api.md §3 Sales orders, Invoices, Shipments, Payments).
import { h, field, replace } from "../dom.js";
import { api, newIdempotencyKey, session, ApiError } from "../api.js";
import { money, quantity, date } from "../format.js";
import { page, pagedTable, busy, dialog, showProblem, clearProblem, statusBadge } from "../ui.js";
import { newDocumentPage } from "../lines.js";
import { totalsBlock, paymentDialog } from "../document.js";
import { balancePanel } from "./customers.js";

export async function orderList(_, query, { can }) {
  const status = h("select", { name: "status", onchange: () => { location.hash = status.value ? `#/orders?status=${status.value}` : "#/orders"; } },
    ["", "draft", "confirmed", "completed", "canceled"].map((s) => h("option", { value: s, selected: query.status === s }, s || "Any status")));
  return page("Orders", can("orders") ? h("a", { class: "button primary", href: "#/orders/new" }, "New order") : null,
    h("div", { class: "filters" }, field("Status", status)),
    pagedTable([
      { label: "Order", cell: (o) => o.number },
      { label: "Status", cell: (o) => statusBadge(o.status) },
      { label: "Invoiced", cell: (o) => o.invoice_status.replaceAll("_", " ") },
      { label: "Shipped", cell: (o) => o.shipment_status.replaceAll("_", " ") },
      { label: "Total", cell: (o) => money(o.total, o.currency), numeric: true },
      { label: "Created", cell: (o) => date(o.created_at) },
    ], "/v1/orders", { status: query.status }, { empty: "No orders.", rowLink: (o) => `#/orders/${o.id}` }));
}

export function orderNew(_, query) {
  return newDocumentPage({ title: "New order", collection: "orders", submitLabel: "Create draft order", customerId: query.customer_id });
}

export async function orderDetail({ id }, _, { can }) {
  const order = await api("GET", `/v1/orders/${id}`);
  const [customer, invoices, shipments] = await Promise.all([
    api("GET", `/v1/customers/${order.customer_id}`),
    api("GET", "/v1/invoices", { query: { order_id: id, limit: 50 } }),
    api("GET", "/v1/shipments", { query: { order_id: id, limit: 50 } }),
  ]);
  const c = order.currency;
  const reload = () => window.dispatchEvent(new HashChangeEvent("hashchange"));
  const actions = h("div", { class: "actions" });
  const holder = h("div");
  const act = (label, run, cls) => h("button", { type: "button", class: cls, onclick: (event) => busy(event.target, async () => {
    clearProblem(holder);
    try { await run(); reload(); } catch (error) { showProblem(holder, error); }
  }) }, label);
  if (order.status === "draft" && can("orders")) {
    const confirmKey = newIdempotencyKey();
    actions.append(act("Confirm order", () => confirm(order, confirmKey), "primary"));
  }
  if ((order.status === "draft" || order.status === "confirmed") && can("orders")) {
    const cancelKey = newIdempotencyKey();
    actions.append(act("Cancel order", () => api("POST", `/v1/orders/${id}/cancel`, { body: {}, idempotencyKey: cancelKey })));
  }
  if (order.status === "confirmed" && can("invoices") && order.lines.some((l) => l.quantity_to_invoice > 0)) {
    actions.append(h("button", { type: "button", class: "primary", onclick: () => documentDialog(order, "invoice") }, "Invoice…"));
  }
  if (order.status === "confirmed" && can("shipments") && order.lines.some((l) => l.quantity_to_ship > 0)) {
    actions.append(h("button", { type: "button", onclick: () => documentDialog(order, "shipment") }, "Ship…"));
  }
  if (order.status !== "draft" && order.status !== "canceled" && can("payments") && invoices.data.some((i) => i.status === "open")) {
    actions.append(h("button", { type: "button", onclick: () => paymentDialog({ title: `Payment for ${order.number}`, currency: order.currency, path: `/v1/orders/${order.id}/payments`, body: {} }) }, "Record payment…"));
  }
  replace(holder,
    h("div", { class: "order-head" },
      h("div", {}, h("p", { class: "meta" }, statusBadge(order.status), " ", order.invoice_status.replaceAll("_", " "), " · ", order.shipment_status.replaceAll("_", " ")),
        h("p", {}, h("a", { href: `#/customers/${customer.id}` }, customer.name)), order.confirmed_at ? h("p", { class: "meta" }, `Confirmed ${date(order.confirmed_at)}`) : null),
      balancePanel(order.customer_balance)),
    actions,
    h("table", { class: "lines" },
      h("thead", {}, h("tr", {}, ["Line", "Ordered", "Invoiced", "Shipped", "To invoice", "To ship", "Unit price", "Total"].map((l, i) => h("th", { class: i ? "num" : null, scope: "col" }, l)))),
      h("tbody", {}, order.lines.map((l) => h("tr", { dataset: { line: l.id } },
        h("td", {}, l.description || `Product ${l.product_id}`),
        h("td", { class: "num" }, quantity(l.quantity)), h("td", { class: "num", dataset: { cell: "invoiced" } }, quantity(l.quantity_invoiced)),
        h("td", { class: "num", dataset: { cell: "shipped" } }, quantity(l.quantity_shipped)), h("td", { class: "num", dataset: { cell: "to_invoice" } }, quantity(l.quantity_to_invoice)),
        h("td", { class: "num", dataset: { cell: "to_ship" } }, quantity(l.quantity_to_ship)), h("td", { class: "num" }, money(l.unit_price, c)), h("td", { class: "num" }, money(l.total, c)))))),
    totalsBlock(order, "order", [["Paid", order.amount_paid]]),
    h("section", { class: "panel" }, h("h2", {}, "Invoices"),
      invoices.data.length ? h("ul", {}, invoices.data.map((i) => h("li", {}, h("a", { href: `#/invoices/${i.id}` }, i.number), ` · ${i.status} · ${money(i.total, i.currency)} · due ${money(i.amount_due, i.currency)}`))) : h("p", { class: "empty" }, "None yet.")),
    h("section", { class: "panel" }, h("h2", {}, "Shipments"),
      shipments.data.length ? h("ul", {}, shipments.data.map((s) => h("li", {}, `${s.number} · ${s.status} · ${s.lines.map((l) => quantity(l.quantity)).join(" + ")} units`))) : h("p", { class: "empty" }, "None yet.")));
  return page(`Order ${order.number}`, null, holder);
}

/** Confirm; a credit-limit refusal is said in plain words, and an admin may override it. */
async function confirm(order, key) {
  try {
    await api("POST", `/v1/orders/${order.id}/confirm`, { body: {}, idempotencyKey: key });
  } catch (error) {
    if (error instanceof ApiError && error.code === "credit_limit_exceeded") {
      const words = `Confirming would take the customer past their credit limit: ${error.message}`;
      if (session.me?.role === "admin" && window.confirm(`${words}\n\nConfirm anyway (admin override)?`)) {
        await api("POST", `/v1/orders/${order.id}/confirm`, { body: { override_credit_limit: true }, idempotencyKey: newIdempotencyKey() });
        return;
      }
      throw Object.assign(error, { detail: words });
    }
    throw error;
  }
}

/** The Invoice and Ship dialogs: every line pre-filled with what remains; partial quantities are
 * fine; a quantity_exceeded answer shows beside the line it concerns. */
function documentDialog(order, kind) {
  const key = newIdempotencyKey();
  const remaining = (l) => (kind === "invoice" ? l.quantity_to_invoice : l.quantity_to_ship);
  const lines = order.lines.filter((l) => remaining(l) > 0);
  dialog(kind === "invoice" ? `Invoice ${order.number}` : `Ship ${order.number}`, (close) => {
    const inputs = lines.map((l) => h("input", { name: "quantity", inputmode: "decimal", value: String(remaining(l)), size: 6, "aria-label": `Quantity of ${l.description || "line " + l.id}` }));
    const form = h("form", { onsubmit: async (event) => {
      event.preventDefault();
      const body = { lines: lines.map((l, i) => ({ order_line_id: l.id, quantity: Number(inputs[i].value) })).filter((l) => l.quantity !== 0) };
      await busy(form.querySelector("button[type=submit]"), async () => {
        try {
          const created = await api("POST", `/v1/orders/${order.id}/${kind === "invoice" ? "invoices" : "shipments"}`, { body, idempotencyKey: key });
          close();
          location.hash = kind === "invoice" ? `#/invoices/${created.id}` : `#/orders/${order.id}`;
          if (kind !== "invoice") window.dispatchEvent(new HashChangeEvent("hashchange"));
        } catch (error) { showProblem(form, error); }
      });
    } },
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Line"), h("th", { class: "num" }, "Remaining"), h("th", { class: "num" }, kind === "invoice" ? "Invoice now" : "Ship now"))),
      h("tbody", {}, lines.map((l, i) => h("tr", {}, h("td", {}, l.description || `Product ${l.product_id}`), h("td", { class: "num" }, quantity(remaining(l))),
        h("td", { class: "num" }, inputs[i], h("span", { class: "field-error", role: "alert", dataset: { for: `lines[${i}].quantity` } })))))),
    h("button", { type: "submit", class: "primary" }, kind === "invoice" ? "Create invoice" : "Create shipment"));
    return form;
  });
}

// Sales orders: the list, a new order, and the order form — the customer's account beside it,
// each line's ordered, invoiced, shipped and remaining quantities, and the actions its state and
// the key's role allow (docs/api.md §3 Sales orders, Invoices, Shipments, Payments).
import { h, replace } from "../dom.js";
import { api, newIdempotencyKey, session, ApiError } from "../api.js";
import { money, quantity, date } from "../format.js";
import { page, pagedTable, statusFilter, formDialog, actionButton, statusBadge } from "../ui.js";
import { newDocumentPage } from "../lines.js";
import { totalsBlock, paymentDialog, quantityTable } from "../document.js";
import { balancePanel } from "./customers.js";

export async function orderList(_, query, { can }) {
  return page("Orders", can("orders") ? h("a", { class: "button primary", href: "#/orders/new" }, "New order") : null,
    statusFilter("#/orders", ["draft", "confirmed", "completed", "canceled"], query.status),
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
  const actions = h("div", { class: "actions" });
  const holder = h("div");
  const act = (label, run, cls) => actionButton(holder, label, run, cls);
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
  const invoice = kind === "invoice";
  const remaining = (l) => (invoice ? l.quantity_to_invoice : l.quantity_to_ship);
  formDialog(invoice ? `Invoice ${order.number}` : `Ship ${order.number}`, invoice ? "Create invoice" : "Create shipment", () => {
    const table = quantityTable(order.lines.filter((l) => remaining(l) > 0),
      { remaining, start: remaining, takeLabel: invoice ? "Invoice now" : "Ship now", idField: "order_line_id" });
    return {
      fields: [table.element],
      submit: async () => {
        const created = await api("POST", `/v1/orders/${order.id}/${invoice ? "invoices" : "shipments"}`, { body: { lines: table.lines() }, idempotencyKey: key });
        return invoice ? `#/invoices/${created.id}` : undefined;
      },
    };
  });
}

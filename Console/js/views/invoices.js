// Invoices: the list, one invoice (record a payment, credit, void, apply the customer's credit),
// and its print view — A4,
// the lines, taxes and totals exactly as the API has them (docs/api.md §3 Invoices).
import { h, field, replace } from "../dom.js";
import { api, newIdempotencyKey } from "../api.js";
import { money, date } from "../format.js";
import { linesTable, totalsBlock, printPage, paymentDialog, quantityTable } from "../document.js";
import { page, pagedTable, statusFilter, formDialog, actionButton, statusBadge } from "../ui.js";

export async function invoiceList(_, query) {
  return page("Invoices", null, statusFilter("#/invoices", ["open", "paid", "void"], query.status),
    pagedTable([
      { label: "Invoice", cell: (i) => i.number },
      { label: "Status", cell: (i) => statusBadge(i.overdue ? "overdue" : i.status) },
      { label: "Due date", cell: (i) => date(i.due_date) },
      { label: "Total", cell: (i) => money(i.total, i.currency), numeric: true },
      { label: "Due", cell: (i) => money(i.amount_due, i.currency), numeric: true },
    ], "/v1/invoices", { status: query.status }, { empty: "No invoices.", rowLink: (i) => `#/invoices/${i.id}` }));
}

export async function invoiceDetail({ id }, _, { can }) {
  const invoice = await api("GET", `/v1/invoices/${id}`);
  const customer = await api("GET", `/v1/customers/${invoice.customer_id}`);
  const holder = h("div");
  const act = (label, path, body, cls) => {
    const key = newIdempotencyKey();
    return actionButton(holder, label, () => api("POST", `/v1/invoices/${id}/${path}`, { body, idempotencyKey: key }), cls);
  };
  const actions = h("div", { class: "actions" },
    h("a", { class: "button", href: `#/invoices/${id}/print` }, "Print"),
    invoice.status === "open" && can("payments") ? h("button", { type: "button", class: "primary", onclick: () => paymentDialog({ title: `Payment for ${invoice.number}`,
      currency: invoice.currency, path: "/v1/payments", body: { customer_id: invoice.customer_id }, allocate: invoice.id }) }, "Record payment…") : null,
    invoice.status === "open" && customer.balance.credit_balance > 0 && can("payments") ? act("Apply customer credit", "apply-credit", {}) : null,
    invoice.status !== "void" && can("invoices") && invoice.lines.some((l) => l.quantity > l.quantity_credited) ? h("button", { type: "button", onclick: () => creditDialog(invoice) }, "Credit…") : null,
    invoice.status !== "void" && can("invoices") ? act("Void invoice", "void", { reason: "voided in the console" }) : null,
    h("a", { class: "button", href: `#/orders/${invoice.order_id}` }, "Its order"));
  replace(holder,
    h("p", { class: "meta" }, statusBadge(invoice.overdue ? "overdue" : invoice.status), " · ", h("a", { href: `#/customers/${customer.id}` }, customer.name),
      ` · issued ${date(invoice.issue_date)} · due ${date(invoice.due_date)}`),
    actions, invoiceBody(invoice),
    invoice.credit_notes.length ? h("section", { class: "panel" }, h("h2", {}, "Credit notes"),
      h("ul", {}, invoice.credit_notes.map((n) => h("li", {}, `${n.number} · ${money(n.total, invoice.currency)}`)))) : null);
  return page(`Invoice ${invoice.number}`, null, holder);
}

function invoiceBody(invoice) {
  return h("div", { class: "document" }, linesTable(invoice),
    totalsBlock(invoice, "invoice", [["Paid", invoice.amount_paid], ["Credited", invoice.amount_credited], ["Amount due", invoice.amount_due, true]]));
}

/** The printable invoice; the browser prints it to PDF. */
export async function invoicePrint({ id }) {
  const invoice = await api("GET", `/v1/invoices/${id}`);
  const customer = await api("GET", `/v1/customers/${invoice.customer_id}`);
  return printPage(`Invoice ${invoice.number}`, [["Issued", date(invoice.issue_date)], ["Due", date(invoice.due_date)], ["Status", invoice.status]],
    customer, invoiceBody(invoice), `#/invoices/${id}`);
}

/** A credit note: what to take back from each line (at most what is not yet credited) and why;
 * the server prices it and lowers what is due, or adds to the customer's credit (§3 Credit notes). */
function creditDialog(invoice) {
  const key = newIdempotencyKey();
  const notCredited = (l) => l.quantity - l.quantity_credited;
  formDialog(`Credit ${invoice.number}`, "Create credit note", () => {
    const table = quantityTable(invoice.lines.filter((l) => notCredited(l) > 0),
      { remaining: notCredited, start: () => 0, takeLabel: "Credit now", idField: "invoice_line_id" });
    const reason = h("input", { name: "reason", required: true });
    return {
      fields: [table.element, field("Reason", reason)],
      submit: () => api("POST", `/v1/invoices/${invoice.id}/credit-notes`, { body: { reason: reason.value, lines: table.lines() }, idempotencyKey: key }),
    };
  });
}

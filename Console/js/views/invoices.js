// Invoices: the list, one invoice (record a payment, credit, void, apply the customer's credit),
// and its print view — A4,
// the lines, taxes and totals exactly as the API has them (docs/api.md §3 Invoices).
import { h, field, replace } from "../dom.js";
import { api, newIdempotencyKey } from "../api.js";
import { money, date, quantity } from "../format.js";
import { linesTable, totalsBlock, printPage, paymentDialog } from "../document.js";
import { page, pagedTable, busy, dialog, showProblem, clearProblem, statusBadge } from "../ui.js";

export async function invoiceList(_, query) {
  const status = h("select", { name: "status", onchange: () => { location.hash = status.value ? `#/invoices?status=${status.value}` : "#/invoices"; } },
    ["", "open", "paid", "void"].map((s) => h("option", { value: s, selected: query.status === s }, s || "Any status")));
  return page("Invoices", null, h("div", { class: "filters" }, field("Status", status)),
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
  const reload = () => window.dispatchEvent(new HashChangeEvent("hashchange"));
  const act = (label, path, body, cls) => {
    const key = newIdempotencyKey();
    return h("button", { type: "button", class: cls, onclick: (event) => busy(event.target, async () => {
      clearProblem(holder);
      try { await api("POST", `/v1/invoices/${id}/${path}`, { body, idempotencyKey: key }); reload(); } catch (error) { showProblem(holder, error); }
    }) }, label);
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
  const lines = invoice.lines.filter((l) => l.quantity > l.quantity_credited);
  dialog(`Credit ${invoice.number}`, (close) => {
    const inputs = lines.map((l) => h("input", { name: "quantity", inputmode: "decimal", value: "0", size: 6, "aria-label": `Credit quantity of ${l.description || "line " + l.id}` }));
    const reason = h("input", { name: "reason", required: true });
    const form = h("form", { onsubmit: async (event) => {
      event.preventDefault();
      const body = { reason: reason.value, lines: lines.map((l, i) => ({ invoice_line_id: l.id, quantity: Number(inputs[i].value) })).filter((l) => l.quantity !== 0) };
      await busy(form.querySelector("button[type=submit]"), async () => {
        try {
          await api("POST", `/v1/invoices/${invoice.id}/credit-notes`, { body, idempotencyKey: key });
          close();
          window.dispatchEvent(new HashChangeEvent("hashchange"));
        } catch (error) { showProblem(form, error); }
      });
    } },
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Line"), h("th", { class: "num" }, "Not yet credited"), h("th", { class: "num" }, "Credit now"))),
      h("tbody", {}, lines.map((l, i) => h("tr", {}, h("td", {}, l.description || `Product ${l.product_id}`), h("td", { class: "num" }, quantity(l.quantity - l.quantity_credited)),
        h("td", { class: "num" }, inputs[i], h("span", { class: "field-error", role: "alert", dataset: { for: `lines[${i}].quantity` } })))))),
    field("Reason", reason), h("button", { type: "submit", class: "primary" }, "Create credit note"));
    return form;
  });
}

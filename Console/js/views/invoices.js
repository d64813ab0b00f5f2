// Invoices: the list, one invoice (void, credit, apply the customer's credit), and its print view
// — A4, the lines, taxes and totals exactly as the API has them (docs/api.md §3 Invoices).
import { h, field, replace } from "../dom.js";
import { api, newIdempotencyKey } from "../api.js";
import { money, quantity, date } from "../format.js";
import { page, pagedTable, busy, showProblem, clearProblem, statusBadge } from "../ui.js";

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
    invoice.status === "open" && customer.balance.credit_balance > 0 && can("payments") ? act("Apply customer credit", "apply-credit", {}, "primary") : null,
    invoice.status !== "void" && can("invoices") ? act("Void invoice", "void", { reason: "voided in the console" }) : null,
    h("a", { class: "button", href: `#/orders/${invoice.order_id}` }, "Its order"));
  replace(holder,
    h("p", { class: "meta" }, statusBadge(invoice.overdue ? "overdue" : invoice.status), " · ", h("a", { href: `#/customers/${customer.id}` }, customer.name),
      ` · issued ${date(invoice.issue_date)} · due ${date(invoice.due_date)}`),
    actions, invoiceBody(invoice));
  return page(`Invoice ${invoice.number}`, null, holder);
}

function invoiceBody(invoice) {
  const c = invoice.currency;
  return h("div", { class: "document" },
    h("table", { class: "lines" },
      h("thead", {}, h("tr", {}, ["Description", "Quantity", "Unit price", "Discount", "Tax", "Total"].map((l, i) => h("th", { class: i ? "num" : null }, l)))),
      h("tbody", {}, invoice.lines.map((l) => h("tr", {}, h("td", {}, l.description || `Product ${l.product_id}`), h("td", { class: "num" }, quantity(l.quantity)),
        h("td", { class: "num" }, money(l.unit_price, c)), h("td", { class: "num" }, `${l.discount_percent}%`),
        h("td", { class: "num" }, `${money(l.tax, c)} (${l.tax_percent}%)`), h("td", { class: "num" }, money(l.total, c)))))),
    h("div", { class: "totals" },
      h("div", {}, h("span", {}, "Subtotal"), h("span", { class: "num" }, money(invoice.subtotal, c))),
      h("div", {}, h("span", {}, "Tax"), h("span", { class: "num" }, money(invoice.tax_total, c))),
      h("div", { class: "grand" }, h("span", {}, "Total"), h("span", { class: "num", dataset: { figure: "invoice-total" } }, money(invoice.total, c))),
      h("div", {}, h("span", {}, "Paid"), h("span", { class: "num" }, money(invoice.amount_paid, c))),
      h("div", {}, h("span", {}, "Credited"), h("span", { class: "num" }, money(invoice.amount_credited, c))),
      h("div", { class: "grand" }, h("span", {}, "Amount due"), h("span", { class: "num" }, money(invoice.amount_due, c)))));
}

/** The printable invoice: no navigation, A4 (app.css @page), the browser prints it to PDF. */
export async function invoicePrint({ id }) {
  const invoice = await api("GET", `/v1/invoices/${id}`);
  const customer = await api("GET", `/v1/customers/${invoice.customer_id}`);
  const address = customer.billing_address || {};
  return h("article", { class: "print-page" },
    h("header", {}, h("h1", {}, `Invoice ${invoice.number}`),
      h("dl", { class: "facts" }, h("dt", {}, "Issued"), h("dd", {}, date(invoice.issue_date)), h("dt", {}, "Due"), h("dd", {}, date(invoice.due_date)),
        h("dt", {}, "Status"), h("dd", {}, invoice.status))),
    h("section", { class: "bill-to" }, h("h2", {}, "Bill to"), h("p", {}, customer.name),
      [address.line1, address.line2, [address.postal_code, address.city].filter(Boolean).join(" "), address.region, address.country].filter(Boolean).map((line) => h("p", {}, line))),
    invoiceBody(invoice),
    h("p", { class: "no-print" }, h("button", { type: "button", onclick: () => window.print() }, "Print"), " ", h("a", { href: `#/invoices/${id}` }, "Back")));
}

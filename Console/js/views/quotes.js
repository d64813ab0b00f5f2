// Quotes: a new quote with its lines (totals from the server), then send, decline or convert
// into an order (docs/api.md §3 Quotes).
import { h, replace } from "../dom.js";
import { api, newIdempotencyKey, session } from "../api.js";
import { money, date } from "../format.js";
import { linesTable, totalsBlock, printPage } from "../document.js";
import { page, pagedTable, formDialog, actionButton, statusBadge } from "../ui.js";
import { newDocumentPage, lineEditor } from "../lines.js";

export async function quoteList(_, query, { can }) {
  return page("Quotes", can("quotes") ? h("a", { class: "button primary", href: "#/quotes/new" }, "New quote") : null,
    pagedTable([
      { label: "Quote", cell: (q) => q.number },
      { label: "Status", cell: (q) => statusBadge(q.status) },
      { label: "Total", cell: (q) => money(q.total, q.currency), numeric: true },
      { label: "Valid until", cell: (q) => date(q.valid_until) },
    ], "/v1/quotes", { status: query.status }, { empty: "No quotes yet.", rowLink: (q) => `#/quotes/${q.id}` }));
}

export function quoteNew(_, query) {
  return newDocumentPage({ title: "New quote", collection: "quotes", submitLabel: "Create quote", customerId: query.customer_id });
}

export async function quoteDetail({ id }, _, { can }) {
  const quote = await api("GET", `/v1/quotes/${id}`);
  const customer = await api("GET", `/v1/customers/${quote.customer_id}`);
  const c = quote.currency;
  const holder = h("div");
  // Convert answers the order, which opens; the others show the quote's new state.
  const act = (label, path, cls, next = () => undefined) => {
    const key = newIdempotencyKey();
    return actionButton(holder, label, async () => next(await api("POST", `/v1/quotes/${id}/${path}`, { body: {}, idempotencyKey: key })), cls);
  };
  const open = quote.status === "draft" || quote.status === "sent";
  const actions = h("div", { class: "actions" },
    open && can("quotes") ? act("Convert to order", "convert", "primary", (order) => `#/orders/${order.id}`) : null,
    quote.status === "draft" && can("quotes") ? h("button", { type: "button", onclick: () => editLines(quote) }, "Edit lines…") : null,
    quote.status === "draft" && can("quotes") ? act("Mark as sent", "send") : null,
    open && can("quotes") ? act("Declined by customer", "decline") : null,
    h("a", { class: "button", href: `#/quotes/${id}/print` }, "Print"),
    quote.order_id ? h("a", { class: "button", href: `#/orders/${quote.order_id}` }, "Its order") : null);
  replace(holder,
    h("p", { class: "meta" }, statusBadge(quote.status), " · ", h("a", { href: `#/customers/${customer.id}` }, customer.name), quote.valid_until ? ` · valid until ${date(quote.valid_until)}` : ""),
    actions,
    linesTable(quote), totalsBlock(quote, "quote"));
  return page(`Quote ${quote.number}`, null, holder);
}

/** The printable quote; the browser prints it to PDF. */
export async function quotePrint({ id }) {
  const quote = await api("GET", `/v1/quotes/${id}`);
  const customer = await api("GET", `/v1/customers/${quote.customer_id}`);
  return printPage(`Quote ${quote.number}`, [["Date", date(quote.created_at)], ["Valid until", date(quote.valid_until)], ["Status", quote.status]],
    customer, h("div", { class: "document" }, linesTable(quote), totalsBlock(quote, "quote")), `#/quotes/${id}`);
}

/** A draft quote's lines, replaced as a whole (PATCH lines, If-Match the version shown); the
 * server prices them again and answers the new totals. */
async function editLines(quote) {
  const products = await api("GET", "/v1/products", { query: { limit: 200, active: "true" } });
  formDialog(`Lines of ${quote.number}`, "Save lines", () => {
    const editor = lineEditor(products.data, session.currency, quote.lines);
    return {
      fields: [editor.element],
      submit: () => api("PATCH", `/v1/quotes/${quote.id}`, { body: { lines: editor.lines() }, ifMatch: quote.version }),
    };
  });
}

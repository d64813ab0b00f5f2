// A document's lines and totals as the API has them (quotes, orders, invoices), on screen and on
// the A4 print page: nothing is added up here.
import { h, field } from "./dom.js";
import { api, newIdempotencyKey, ApiError } from "./api.js";
import { money, quantity, parseMoney } from "./format.js";
import { busy, dialog, showProblem } from "./ui.js";

/** Description, quantity, unit price, discount, tax and total of each line. */
export function linesTable(doc) {
  const c = doc.currency;
  return h("table", { class: "lines" },
    h("thead", {}, h("tr", {}, ["Description", "Quantity", "Unit price", "Discount", "Tax", "Total"].map((l, i) => h("th", { class: i ? "num" : null, scope: "col" }, l)))),
    h("tbody", {}, doc.lines.map((l) => h("tr", {}, h("td", {}, l.description || `Product ${l.product_id}`), h("td", { class: "num" }, quantity(l.quantity)),
      h("td", { class: "num" }, money(l.unit_price, c)), h("td", { class: "num" }, `${l.discount_percent}%`),
      h("td", { class: "num" }, `${money(l.tax, c)} (${l.tax_percent}%)`), h("td", { class: "num" }, money(l.total, c))))));
}

/** Subtotal, tax and total, then any further figures: [[label, amount, grand?, figureName?]]. */
export function totalsBlock(doc, kind, more = []) {
  const c = doc.currency;
  const row = ([label, amount, grand, figure]) => h("div", { class: grand ? "grand" : null }, h("span", {}, label),
    h("span", { class: "num", dataset: figure ? { figure } : {} }, money(amount, c)));
  return h("div", { class: "totals" },
    [["Subtotal", doc.subtotal], ["Tax", doc.tax_total], ["Total", doc.total, true, `${kind}-total`], ...more].map(row));
}

/** The printable page of a quote or an invoice: no navigation, A4 (app.css @page). */
export function printPage(title, facts, customer, body, back) {
  const address = customer.billing_address || {};
  return h("article", { class: "print-page" },
    h("header", {}, h("h1", {}, title), h("dl", { class: "facts" }, facts.map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]))),
    h("section", { class: "bill-to" }, h("h2", {}, "To"), h("p", {}, customer.name),
      [address.line1, address.line2, [address.postal_code, address.city].filter(Boolean).join(" "), address.region, address.country].filter(Boolean).map((line) => h("p", {}, line))),
    body,
    h("p", { class: "no-print" }, h("button", { type: "button", onclick: () => window.print() }, "Print"), " ", h("a", { href: back }, "Back")));
}



/** Record a payment (docs/api.md §3 Payments): on an order (its open invoices, oldest due first)
 * or on one invoice (an allocation to it); `body` holds what the route needs besides amount and method. */
export function paymentDialog({ title, currency, path, body, allocate }) {
  const key = newIdempotencyKey();
  dialog(title, (close) => {
    const amount = h("input", { name: "amount", inputmode: "decimal", required: true });
    const method = h("select", { name: "method" }, ["card", "cash", "bank_transfer", "check", "other"].map((m) => h("option", { value: m }, m.replace("_", " "))));
    const form = h("form", { onsubmit: async (event) => {
      event.preventDefault();
      const minor = parseMoney(amount.value, currency);
      if (minor === null) { showProblem(form, new ApiError(422, { detail: `Type an amount in ${currency}, like 12.50.`, errors: [] })); return; }
      const payment = { ...body, amount: minor, method: method.value };
      if (allocate) payment.allocations = [{ invoice_id: allocate, amount: minor }];
      await busy(form.querySelector("button[type=submit]"), async () => {
        try {
          await api("POST", path, { body: payment, idempotencyKey: key });
          close();
          window.dispatchEvent(new HashChangeEvent("hashchange"));
        } catch (error) { showProblem(form, error); }
      });
    } }, field(`Amount (${currency})`, amount), field("Method", method), h("button", { type: "submit", class: "primary" }, "Record payment"));
    return form;
  });
}

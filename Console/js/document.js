// A document's lines and totals as the API has them (quotes, orders, invoices), on screen and on
// the A4 print page: nothing is added up here.
import { h, field } from "./dom.js";
import { api, newIdempotencyKey } from "./api.js";
import { money, quantity } from "./format.js";
import { formDialog, typedMoney, methodSelect } from "./ui.js";

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
  formDialog(title, "Record payment", () => {
    const amount = h("input", { name: "amount", inputmode: "decimal", required: true });
    const method = methodSelect();
    return {
      fields: [field(`Amount (${currency})`, amount), field("Method", method)],
      submit: () => {
        const minor = typedMoney(amount, currency);
        const payment = { ...body, amount: minor, method: method.value };
        if (allocate) payment.allocations = [{ invoice_id: allocate, amount: minor }];
        return api("POST", path, { body: payment, idempotencyKey: key });
      },
    };
  });
}

/** Quantities to take from each line (invoice or ship an order's lines, credit an invoice's):
 * each row shows what remains and takes a quantity; rows left at 0 are not sent, and each row's
 * error spot is named after its index in what is sent (`lines[1].quantity`, beside its row). */
export function quantityTable(lines, { remaining, start, takeLabel, idField }) {
  const rows = lines.map((line) => ({
    line,
    input: h("input", { name: "quantity", inputmode: "decimal", value: String(start(line)), size: 6, "aria-label": `Quantity of ${line.description || "line " + line.id}` }),
    error: h("span", { class: "field-error", role: "alert" }),
  }));
  return {
    element: h("table", {},
      h("thead", {}, h("tr", {}, h("th", {}, "Line"), h("th", { class: "num" }, "Remaining"), h("th", { class: "num" }, takeLabel))),
      h("tbody", {}, rows.map((r) => h("tr", {}, h("td", {}, r.line.description || `Product ${r.line.product_id}`),
        h("td", { class: "num" }, quantity(remaining(r.line))), h("td", { class: "num" }, r.input, r.error))))),
    lines: () => {
      const sent = rows.filter((r) => Number(r.input.value) !== 0);
      for (const r of rows) r.error.dataset.for = "";
      return sent.map((r, index) => {
        r.error.dataset.for = `lines[${index}].quantity`;
        return { [idField]: r.line.id, quantity: Number(r.input.value) };
      });
    },
  };
}

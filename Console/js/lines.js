// The lines of a new or edited quote or order: a product and a quantity per row. Totals are never
// computed here: the server prices the lines and answers the document with its totals.
import { h, field } from "./dom.js";
import { api, newIdempotencyKey, session } from "./api.js";
import { money } from "./format.js";
import { page, onSubmit } from "./ui.js";

export function lineEditor(products, currency, initial = []) {
  const body = h("tbody");
  const rows = [];
  function addRow(line) {
    const number = rows.length + 1;
    const product = h("select", { name: `lines[${number - 1}].product_id`, "aria-label": `Line ${number} product` },
      h("option", { value: "" }, "Choose a product…"),
      products.map((p) => h("option", { value: p.id, selected: line?.product_id === p.id }, `${p.sku} · ${p.name} · ${money(p.unit_price, currency)}`)));
    const quantity = h("input", { name: `lines[${number - 1}].quantity`, inputmode: "decimal", "aria-label": `Line ${number} quantity`, value: String(line?.quantity ?? 1), size: 6 });
    const errors = { product: h("span", { class: "field-error", role: "alert" }), quantity: h("span", { class: "field-error", role: "alert" }) };
    rows.push({ product, quantity, line, errors });
    body.append(h("tr", {}, h("td", {}, product, errors.product), h("td", { class: "num" }, quantity, errors.quantity)));
  }
  if (initial.length) initial.forEach(addRow); else addRow();
  const element = h("div", { class: "lines" },
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Product"), h("th", { class: "num" }, "Quantity"))), body),
    h("button", { type: "button", onclick: () => addRow() }, "Add a line"));
  return {
    element,
    /** The rows a person filled in, as the API's lines; quantities go as typed (JSON numbers). A
     * line edited in place keeps its price, discount, tax rate and description while its product
     * stays the same. Each row's error spots are named after its index in what is sent, so the
     * server's `lines[1].quantity` shows beside the row it means even when an empty row is left out. */
    lines: () => {
      const sent = rows.filter((r) => r.product.value);
      for (const r of rows) { r.errors.product.dataset.for = ""; r.errors.quantity.dataset.for = ""; }
      return sent.map((r, index) => {
        r.errors.product.dataset.for = `lines[${index}].product_id`;
        r.errors.quantity.dataset.for = `lines[${index}].quantity`;
        const productId = Number(r.product.value);
        const kept = r.line && r.line.product_id === productId
          ? { unit_price: r.line.unit_price, discount_percent: r.line.discount_percent, tax_rate_id: r.line.tax_rate_id, description: r.line.description } : {};
        return { ...kept, product_id: productId, quantity: Number(r.quantity.value) };
      });
    },
  };
}

/** A new quote or order: its customer and lines; created, it opens at #/quotes/:id or #/orders/:id. */
export async function newDocumentPage({ title, collection, submitLabel, customerId }) {
  const [customers, products] = await Promise.all([
    api("GET", "/v1/customers", { query: { limit: 200, active: "true" } }),
    api("GET", "/v1/products", { query: { limit: 200, active: "true" } }),
  ]);
  const key = newIdempotencyKey();
  const customer = h("select", { name: "customer_id", required: true }, h("option", { value: "" }, "Choose a customer…"),
    customers.data.map((c) => h("option", { value: c.id, selected: String(c.id) === customerId }, c.name)));
  const editor = lineEditor(products.data, session.currency);
  const form = h("form", { class: "card", onsubmit: onSubmit(async () => {
    const created = await api("POST", `/v1/${collection}`, { body: { customer_id: Number(customer.value), lines: editor.lines() }, idempotencyKey: key });
    return `#/${collection}/${created.id}`;
  }) }, field("Customer", customer), editor.element, h("button", { type: "submit", class: "primary" }, submitLabel));
  return page(title, null, form);
}

// The lines of a new quote or order: a product and a quantity per row. Totals are never computed
// here: the server prices the lines and answers the document with its totals.
import { h, field } from "./dom.js";
import { api, newIdempotencyKey, session } from "./api.js";
import { money } from "./format.js";
import { page, busy, showProblem } from "./ui.js";

export function lineEditor(products, currency, initial = []) {
  const body = h("tbody");
  const rows = [];
  function addRow(line) {
    const index = rows.length;
    const product = h("select", { name: `lines[${index}].product_id`, "aria-label": `Line ${index + 1} product` },
      h("option", { value: "" }, "Choose a product…"),
      products.map((p) => h("option", { value: p.id, selected: line?.product_id === p.id }, `${p.sku} · ${p.name} · ${money(p.unit_price, currency)}`)));
    const quantity = h("input", { name: `lines[${index}].quantity`, inputmode: "decimal", "aria-label": `Line ${index + 1} quantity`, value: String(line?.quantity ?? 1), size: 6 });
    rows.push({ product, quantity, line });
    body.append(h("tr", {},
      h("td", {}, product, h("span", { class: "field-error", role: "alert", dataset: { for: `lines[${index}].product_id` } })),
      h("td", { class: "num" }, quantity, h("span", { class: "field-error", role: "alert", dataset: { for: `lines[${index}].quantity` } }))));
  }
  if (initial.length) initial.forEach(addRow); else addRow();
  const element = h("div", { class: "lines" },
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Product"), h("th", { class: "num" }, "Quantity"))), body),
    h("button", { type: "button", onclick: () => addRow() }, "Add a line"));
  return {
    element,
    /** The rows a person filled in, as the API's lines; quantities go as typed (JSON numbers). A
     * line edited in place keeps its price, discount, tax rate and description while its product
     * stays the same. */
    lines: () => rows.filter((r) => r.product.value).map((r) => {
      const productId = Number(r.product.value);
      const kept = r.line && r.line.product_id === productId
        ? { unit_price: r.line.unit_price, discount_percent: r.line.discount_percent, tax_rate_id: r.line.tax_rate_id, description: r.line.description } : {};
      return { ...kept, product_id: productId, quantity: Number(r.quantity.value) };
    }),
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
  const form = h("form", { class: "card", onsubmit: async (event) => {
    event.preventDefault();
    await busy(form.querySelector("button[type=submit]"), async () => {
      try {
        const created = await api("POST", `/v1/${collection}`, { body: { customer_id: Number(customer.value), lines: editor.lines() }, idempotencyKey: key });
        location.hash = `#/${collection}/${created.id}`;
      } catch (error) { showProblem(form, error); }
    });
  } }, field("Customer", customer), editor.element, h("button", { type: "submit", class: "primary" }, submitLabel));
  return page(title, null, form);
}

// The lines of a new quote or order: a product and a quantity per row. Totals are never computed
// here: the server prices the lines and answers the document with its totals.
import { h } from "./dom.js";
import { money } from "./format.js";

export function lineEditor(products, currency) {
  const body = h("tbody");
  const rows = [];
  function addRow() {
    const index = rows.length;
    const product = h("select", { name: `lines[${index}].product_id`, "aria-label": `Line ${index + 1} product` },
      h("option", { value: "" }, "Choose a product…"),
      products.map((p) => h("option", { value: p.id }, `${p.sku} · ${p.name} · ${money(p.unit_price, currency)}`)));
    const quantity = h("input", { name: `lines[${index}].quantity`, inputmode: "decimal", "aria-label": `Line ${index + 1} quantity`, value: "1", size: 6 });
    rows.push({ product, quantity });
    body.append(h("tr", {},
      h("td", {}, product, h("span", { class: "field-error", role: "alert", dataset: { for: `lines[${index}].product_id` } })),
      h("td", { class: "num" }, quantity, h("span", { class: "field-error", role: "alert", dataset: { for: `lines[${index}].quantity` } }))));
  }
  addRow();
  const element = h("div", { class: "lines" },
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Product"), h("th", { class: "num" }, "Quantity"))), body),
    h("button", { type: "button", onclick: addRow }, "Add a line"));
  return {
    element,
    /** The rows a person filled in, as the API's lines; quantities go as typed (JSON numbers). */
    lines: () => rows.filter((r) => r.product.value).map((r) => ({ product_id: Number(r.product.value), quantity: Number(r.quantity.value) })),
  };
}

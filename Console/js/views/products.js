// Products with their stock (on hand, reserved, available) and stock adjustments
// (docs/api.md §3 Products, stock).
import { h, field } from "../dom.js";
import { api, newIdempotencyKey, session } from "../api.js";
import { money, quantity } from "../format.js";
import { page, pagedTable, formDialog, searchForm, typedMoney } from "../ui.js";

export async function productList(_, query, { can }) {
  return page("Products & stock", can("products") ? h("button", { type: "button", class: "primary", onclick: newProduct }, "New product…") : null,
    searchForm("Search products", "#/products", query.q),
    pagedTable([
      { label: "SKU", cell: (p) => p.sku },
      { label: "Name", cell: (p) => p.name },
      { label: "Price", cell: (p) => money(p.unit_price, session.currency), numeric: true },
      { label: "On hand", cell: (p) => (p.stock ? quantity(p.stock.on_hand) : "service"), numeric: true },
      { label: "Reserved", cell: (p) => (p.stock ? quantity(p.stock.reserved) : ""), numeric: true },
      { label: "Available", cell: (p) => (p.stock ? quantity(p.stock.available) : ""), numeric: true },
      { label: "", cell: (p) => (p.stock && can("stock") ? h("button", { type: "button", onclick: (event) => { event.stopPropagation(); adjust(p); } }, "Adjust stock") : "") },
    ], "/v1/products", { q: query.q }, { empty: "No products yet." }));
}

function adjust(product) {
  const key = newIdempotencyKey();
  formDialog(`Adjust stock of ${product.name}`, "Adjust", () => {
    const amount = h("input", { name: "quantity", inputmode: "decimal", required: true });
    const reason = h("input", { name: "reason" });
    return {
      fields: [field("Quantity (+ received, − removed)", amount), field("Reason", reason)],
      submit: () => api("POST", `/v1/products/${product.id}/stock-adjustments`, { body: { quantity: Number(amount.value), reason: reason.value || null }, idempotencyKey: key }),
    };
  });
}

/** A new product: SKU, name, price in the server's currency, stockable or a service. */
function newProduct() {
  const key = newIdempotencyKey();
  formDialog("New product", "Create product", () => {
    const inputs = {
      sku: h("input", { name: "sku", required: true }),
      name: h("input", { name: "name", required: true }),
      unit_price: h("input", { name: "unit_price", inputmode: "decimal", required: true }),
      type: h("select", { name: "type" }, h("option", { value: "stockable" }, "stockable (kept in stock)"), h("option", { value: "service" }, "service")),
    };
    return {
      fields: [field("SKU", inputs.sku), field("Name", inputs.name), field(`Unit price (${session.currency})`, inputs.unit_price), field("Type", inputs.type)],
      submit: () => api("POST", "/v1/products", { body: { sku: inputs.sku.value, name: inputs.name.value,
        unit_price: typedMoney(inputs.unit_price, session.currency), type: inputs.type.value }, idempotencyKey: key }),
    };
  });
}

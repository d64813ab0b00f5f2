// Products with their stock (on hand, reserved, available) and stock adjustments
// (docs/api.md §3 Products, stock).
import { h, field } from "../dom.js";
import { api, newIdempotencyKey, session } from "../api.js";
import { money, quantity, parseMoney } from "../format.js";
import { page, pagedTable, busy, dialog, showProblem } from "../ui.js";

export async function productList(_, query, { can }) {
  const search = h("input", { type: "search", name: "q", value: query.q || "" });
  return page("Products & stock", can("products") ? h("button", { type: "button", class: "primary", onclick: newProduct }, "New product…") : null,
    h("form", { class: "filters", role: "search", onsubmit: (event) => {
      event.preventDefault();
      location.hash = search.value ? `#/products?q=${encodeURIComponent(search.value)}` : "#/products";
    } }, field("Search products", search), h("button", { type: "submit" }, "Search")),
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
  dialog(`Adjust stock of ${product.name}`, (close) => {
    const amount = h("input", { name: "quantity", inputmode: "decimal", required: true });
    const reason = h("input", { name: "reason" });
    const form = h("form", { onsubmit: async (event) => {
      event.preventDefault();
      await busy(form.querySelector("button[type=submit]"), async () => {
        try {
          await api("POST", `/v1/products/${product.id}/stock-adjustments`, { body: { quantity: Number(amount.value), reason: reason.value || null }, idempotencyKey: key });
          close();
          window.dispatchEvent(new HashChangeEvent("hashchange"));
        } catch (error) { showProblem(form, error); }
      });
    } }, field("Quantity (+ received, − removed)", amount), field("Reason", reason), h("button", { type: "submit", class: "primary" }, "Adjust"));
    return form;
  });
}

/** A new product: SKU, name, price in the server's currency, stockable or a service. */
function newProduct() {
  const key = newIdempotencyKey();
  dialog("New product", (close) => {
    const inputs = {
      sku: h("input", { name: "sku", required: true }),
      name: h("input", { name: "name", required: true }),
      unit_price: h("input", { name: "unit_price", inputmode: "decimal", required: true }),
      type: h("select", { name: "type" }, h("option", { value: "stockable" }, "stockable (kept in stock)"), h("option", { value: "service" }, "service")),
    };
    const form = h("form", { onsubmit: async (event) => {
      event.preventDefault();
      const price = parseMoney(inputs.unit_price.value, session.currency);
      const body = { sku: inputs.sku.value, name: inputs.name.value, unit_price: price ?? inputs.unit_price.value, type: inputs.type.value };
      await busy(form.querySelector("button[type=submit]"), async () => {
        try {
          await api("POST", "/v1/products", { body, idempotencyKey: key });
          close();
          window.dispatchEvent(new HashChangeEvent("hashchange"));
        } catch (error) { showProblem(form, error); }
      });
    } }, field("SKU", inputs.sku), field("Name", inputs.name), field(`Unit price (${session.currency})`, inputs.unit_price), field("Type", inputs.type),
    h("button", { type: "submit", class: "primary" }, "Create product"));
    return form;
  });
}

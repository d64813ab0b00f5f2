// Products with their stock (on hand, reserved, available) and stock adjustments
// (docs/api.md §3 Products, stock).
import { h, field } from "../dom.js";
import { api, newIdempotencyKey, session } from "../api.js";
import { money, quantity } from "../format.js";
import { page, pagedTable, busy, dialog, showProblem } from "../ui.js";

export async function productList(_, query, { can }) {
  const search = h("input", { type: "search", name: "q", value: query.q || "" });
  return page("Products & stock", null,
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

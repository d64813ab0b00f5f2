// Pieces every view shares: a page, a busy button, problem+json beside its fields, a dialog, a
// paged list with "Load more" (the API's cursors: nothing loads a whole table).
import { h, replace, table } from "./dom.js";
import { api, ApiError } from "./api.js";

export function page(title, actions, ...content) {
  document.title = `${title} · Sales console`;
  return h("section", { class: "page" },
    h("header", { class: "page-head" }, h("h1", {}, title), h("div", { class: "actions" }, actions || [])),
    content);
}

/** Runs `work` with the button busy; the result or the problem shows when it ends. */
export async function busy(button, work) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try { return await work(); } finally { button.disabled = false; button.removeAttribute("aria-busy"); }
}

/** problem+json in plain words: `detail` at the top of the form, each `errors[]` beside its field
 * (an element with data-for="lines[2].quantity"), or listed when no field shows it. */
export function showProblem(container, error) {
  let box = container.querySelector(".problem");
  if (!box) {
    box = h("div", { class: "problem", role: "alert" });
    container.prepend(box);
  }
  for (const old of container.querySelectorAll(".field-error")) old.textContent = "";
  if (!(error instanceof ApiError)) {
    replace(box, "Could not reach the server: ", String(error.message || error));
    return;
  }
  const unplaced = [];
  for (const e of error.errors) {
    const spot = container.querySelector(`.field-error[data-for="${CSS.escape(e.field)}"]`);
    if (spot) spot.textContent = e.message; else unplaced.push(`${e.field}: ${e.message}`);
  }
  replace(box, h("strong", {}, error.detail || error.message), unplaced.length ? h("ul", {}, unplaced.map((u) => h("li", {}, u))) : null);
}

export function clearProblem(container) {
  container.querySelector(".problem")?.remove();
  for (const old of container.querySelectorAll(".field-error")) old.textContent = "";
}

/** A modal dialog; resolves when it closes. `build(close)` returns its content. */
export function dialog(title, build) {
  const element = h("dialog", { "aria-label": title });
  const close = () => { element.close(); element.remove(); };
  replace(element, h("h2", {}, title), build(close), h("button", { type: "button", class: "close", "aria-label": "Close", onclick: close }, "×"));
  document.body.append(element);
  element.showModal();
  return element;
}

/** A list read a page at a time: columns as for table(), a path and query; "Load more" follows next_cursor. */
export function pagedTable(columns, path, query = {}, options = {}) {
  const holder = h("div", { class: "paged" }, h("p", { class: "loading" }, "Loading…"));
  let rows = [];
  async function load(cursor) {
    const pageData = await api("GET", path, { query: { ...query, cursor, limit: options.limit || 25 } });
    rows = rows.concat(pageData.data);
    const more = pageData.has_more ? h("button", { type: "button", class: "more", onclick: (event) => busy(event.target, () => load(pageData.next_cursor)) }, "Load more") : null;
    replace(holder, table(columns, rows, options), more);
  }
  load().catch((error) => replace(holder, h("p", { class: "problem", role: "alert" }, error.message)));
  return holder;
}

export function statusBadge(status) {
  return h("span", { class: `badge status-${status}` }, status.replaceAll("_", " "));
}

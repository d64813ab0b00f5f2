// Pieces every view shares: a page, a busy button, problem+json beside its fields, a form's submit
// and an action button (each: busy, then the server's state or its problem), a dialog holding a
// form, a paged list with "Load more" (the API's cursors: nothing loads a whole table).
import { h, field, replace, table } from "./dom.js";
import { api, ApiError } from "./api.js";
import { parseMoney } from "./format.js";

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

/** Shows the view again from the server's answers (after an action changed something). */
function rerender() { window.dispatchEvent(new HashChangeEvent("hashchange")); }

/** After an action: go where it says (a hash), or show the current view again. */
function settle(next) { if (typeof next === "string") location.hash = next; else rerender(); }

/** A 412 (docs/api.md §1 "versions"): someone saved first; say so instead of the bare code. */
function worded(error) {
  if (error instanceof ApiError && error.status === 412) {
    error.detail = "Someone changed this since you opened it: close, and work on the current one.";
  }
  return error;
}

/** A form's submit handler: its submit button busy while `work()` runs; a problem shows in the
 * form. `work` may answer a hash to go to; otherwise the view shows the server's new state. */
export function onSubmit(work, { after = settle } = {}) {
  return async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    await busy(form.querySelector("button[type=submit]"), async () => {
      clearProblem(form);
      let next;
      try { next = await work(); } catch (error) { showProblem(form, worded(error)); return; }
      after(next);
    });
  };
}

/** A button that runs `run()` busy, then shows its outcome; a problem shows in `holder`. */
export function actionButton(holder, label, run, cls) {
  return h("button", { type: "button", class: cls, onclick: (event) => busy(event.target, async () => {
    clearProblem(holder);
    let next;
    try { next = await run(); } catch (error) { showProblem(holder, worded(error)); return; }
    settle(next);
  }) }, label);
}

/** A dialog holding one form: `build()` answers its fields and `submit`; when that succeeds the
 * dialog closes and the view shows the result. */
export function formDialog(title, submitLabel, build) {
  dialog(title, (close) => {
    const { fields, submit } = build();
    return h("form", { onsubmit: onSubmit(submit, { after: (next) => { close(); settle(next); } }) },
      fields, h("button", { type: "submit", class: "primary" }, submitLabel));
  });
}

/** A search box that puts its text in the URL (`#/customers?q=…`), so a search can be bookmarked. */
export function searchForm(label, base, text) {
  const search = h("input", { type: "search", name: "q", value: text || "" });
  return h("form", { class: "filters", role: "search", onsubmit: (event) => {
    event.preventDefault();
    location.hash = search.value ? `${base}?q=${encodeURIComponent(search.value)}` : base;
  } }, field(label, search), h("button", { type: "submit" }, "Search"));
}

/** A status filter that puts its choice in the URL (`#/orders?status=draft`). */
export function statusFilter(base, statuses, current) {
  const select = h("select", { name: "status", onchange: () => { location.hash = select.value ? `${base}?status=${select.value}` : base; } },
    ["", ...statuses].map((s) => h("option", { value: s, selected: current === s }, s || "Any status")));
  return h("div", { class: "filters" }, field("Status", select));
}

/** Minor units from a money input, or a problem beside it in plain words. */
export function typedMoney(input, currency) {
  const minor = parseMoney(input.value, currency);
  if (minor !== null) return minor;
  throw new ApiError(422, { detail: "1 field is invalid", errors: [{ field: input.name, message: `an amount in ${currency}, like 12.50` }] });
}

/** The payment methods of docs/api.md §3 Payments. */
export function methodSelect(first = "card") {
  const methods = ["card", "cash", "bank_transfer", "check", "other"];
  return h("select", { name: "method" }, [first, ...methods.filter((m) => m !== first)].map((m) => h("option", { value: m }, m.replace("_", " "))));
}


function clearProblem(container) {
  container.querySelector(".problem")?.remove();
  for (const old of container.querySelectorAll(".field-error")) old.textContent = "";
}

/** A modal dialog; resolves when it closes. `build(close)` returns its content. */
function dialog(title, build) {
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

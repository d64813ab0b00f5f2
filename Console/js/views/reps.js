// The field: each rep clocks in and out and logs visits; the day's activities (docs/api.md §3
// Sales reps, shifts and activities). On a phone this is the rep's page.
import { h, field, replace } from "../dom.js";
import { api, newIdempotencyKey, session } from "../api.js";
import { date } from "../format.js";
import { page, busy, dialog, showProblem, clearProblem } from "../ui.js";

export async function reps(_, __, { can }) {
  const bound = session.me?.sales_rep_id;
  const list = bound ? { data: [await api("GET", `/v1/sales-reps/${bound}`)] } : await api("GET", "/v1/sales-reps", { query: { active: "true", limit: 100 } });
  const holder = h("div");
  const reload = () => window.dispatchEvent(new HashChangeEvent("hashchange"));
  const cards = await Promise.all(list.data.map(async (rep) => {
    const activities = await api("GET", "/v1/activities", { query: { sales_rep_id: rep.id, limit: 10 } });
    const clockKey = newIdempotencyKey();
    const clock = can("field") ? h("button", { type: "button", class: rep.clocked_in ? null : "primary", onclick: (event) => busy(event.target, async () => {
      clearProblem(holder);
      try {
        await api("POST", `/v1/sales-reps/${rep.id}/${rep.clocked_in ? "clock-out" : "clock-in"}`, { body: {}, idempotencyKey: clockKey });
        reload();
      } catch (error) { showProblem(holder, error); }
    }) }, rep.clocked_in ? "Clock out" : "Clock in") : null;
    return h("section", { class: "panel" },
      h("h2", {}, rep.name, " ", h("span", { class: `badge ${rep.clocked_in ? "status-confirmed" : ""}` }, rep.clocked_in ? "clocked in" : "clocked out")),
      h("div", { class: "actions" }, clock, can("field") ? h("button", { type: "button", onclick: () => logVisit(rep) }, "Log a visit…") : null),
      activities.data.length ? h("ul", {}, activities.data.map((a) => h("li", {}, `${date(a.at)} · ${a.type}`, a.outcome ? ` · ${a.outcome}` : "", a.notes ? ` — ${a.notes}` : "")))
        : h("p", { class: "empty" }, "No activities yet."));
  }));
  replace(holder, cards.length ? cards : h("p", { class: "empty" }, "No sales reps yet."));
  return page("Field sales", null, holder);
}

async function logVisit(rep) {
  const customers = await api("GET", "/v1/customers", { query: { limit: 200, active: "true" } });
  const key = newIdempotencyKey();
  dialog(`Log an activity for ${rep.name}`, (close) => {
    const customer = h("select", { name: "customer_id" }, h("option", { value: "" }, "No customer"), customers.data.map((c) => h("option", { value: c.id }, c.name)));
    const type = h("select", { name: "type" }, ["visit", "call", "email", "meeting", "note"].map((t) => h("option", { value: t }, t)));
    const outcome = h("input", { name: "outcome" });
    const notes = h("input", { name: "notes" });
    const form = h("form", { onsubmit: async (event) => {
      event.preventDefault();
      const body = { sales_rep_id: rep.id, type: type.value };
      if (customer.value) body.customer_id = Number(customer.value);
      if (outcome.value) body.outcome = outcome.value;
      if (notes.value) body.notes = notes.value;
      await busy(form.querySelector("button[type=submit]"), async () => {
        try {
          await api("POST", "/v1/activities", { body, idempotencyKey: key });
          close();
          window.dispatchEvent(new HashChangeEvent("hashchange"));
        } catch (error) { showProblem(form, error); }
      });
    } }, field("Customer", customer), field("Type", type), field("Outcome", outcome), field("Notes", notes),
    h("button", { type: "submit", class: "primary" }, "Log it"));
    return form;
  });
}

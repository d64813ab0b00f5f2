// The field: each rep clocks in and out and logs visits; the day's activities (docs/api.md §3
// Sales reps, shifts and activities). On a phone this is the rep's page.
import { h, field, replace } from "../dom.js";
import { api, newIdempotencyKey, session } from "../api.js";
import { date } from "../format.js";
import { page, formDialog, actionButton } from "../ui.js";

export async function reps(_, __, { can }) {
  const bound = session.me?.sales_rep_id;
  // Two calls whatever the number of reps: the reps, and the day's activities (the last 24 hours
  // by `at`: the reader's day, not the server's UTC one), grouped by rep below.
  const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  const [list, day] = await Promise.all([
    bound ? api("GET", `/v1/sales-reps/${bound}`).then((rep) => ({ data: [rep] })) : api("GET", "/v1/sales-reps", { query: { active: "true", limit: 100 } }),
    api("GET", "/v1/activities", { query: { sales_rep_id: bound, from: since, limit: 200 } }),
  ]);
  const holder = h("div");
  const cards = list.data.map((rep) => {
    const activities = day.data.filter((a) => a.sales_rep_id === rep.id);
    const clockKey = newIdempotencyKey();
    const clock = can("field") ? actionButton(holder, rep.clocked_in ? "Clock out" : "Clock in",
      () => api("POST", `/v1/sales-reps/${rep.id}/${rep.clocked_in ? "clock-out" : "clock-in"}`, { body: {}, idempotencyKey: clockKey }),
      rep.clocked_in ? null : "primary") : null;
    return h("section", { class: "panel" },
      h("h2", {}, rep.name, " ", h("span", { class: `badge ${rep.clocked_in ? "status-confirmed" : ""}` }, rep.clocked_in ? "clocked in" : "clocked out")),
      h("div", { class: "actions" }, clock, can("field") ? h("button", { type: "button", onclick: () => logVisit(rep) }, "Log a visit…") : null),
      activities.length ? h("ul", {}, activities.map((a) => h("li", {}, `${date(a.at)} · ${a.type}`, a.outcome ? ` · ${a.outcome}` : "", a.notes ? ` — ${a.notes}` : "")))
        : h("p", { class: "empty" }, "No activities today."));
  });
  replace(holder, cards.length ? cards : h("p", { class: "empty" }, "No sales reps yet."));
  return page("Field sales", null, holder);
}

async function logVisit(rep) {
  const customers = await api("GET", "/v1/customers", { query: { limit: 200, active: "true" } });
  const key = newIdempotencyKey();
  formDialog(`Log an activity for ${rep.name}`, "Log it", () => {
    const customer = h("select", { name: "customer_id" }, h("option", { value: "" }, "No customer"), customers.data.map((c) => h("option", { value: c.id }, c.name)));
    const type = h("select", { name: "type" }, ["visit", "call", "email", "meeting", "note"].map((t) => h("option", { value: t }, t)));
    const outcome = h("input", { name: "outcome" });
    const notes = h("input", { name: "notes" });
    return {
      fields: [field("Customer", customer), field("Type", type), field("Outcome", outcome), field("Notes", notes)],
      submit: () => {
        const body = { sales_rep_id: rep.id, type: type.value };
        if (customer.value) body.customer_id = Number(customer.value);
        if (outcome.value) body.outcome = outcome.value;
        if (notes.value) body.notes = notes.value;
        return api("POST", "/v1/activities", { body, idempotencyKey: key });
      },
    };
  });
}

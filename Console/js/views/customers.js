// Customers: search, a new customer, and one customer's account — balance, credit limit,
// outstanding credit and the statement (docs/api.md §3 Customers, Payments "ledger").
import { h, field } from "../dom.js";
import { api, newIdempotencyKey, session, can } from "../api.js";
import { money, date, plainMoney } from "../format.js";
import { page, pagedTable, onSubmit, formDialog, searchForm, typedMoney, methodSelect } from "../ui.js";

export async function customerList(_, query, { can }) {
  return page("Customers", can("customers") ? h("a", { class: "button primary", href: "#/customers/new" }, "New customer") : null,
    searchForm("Search customers", "#/customers", query.q),
    pagedTable([
      { label: "Name", cell: (c) => c.name },
      { label: "Email", cell: (c) => c.email || "" },
      { label: "Receivable", cell: (c) => money(c.balance.receivable, c.currency), numeric: true },
      { label: "Credit", cell: (c) => money(c.balance.credit_balance, c.currency), numeric: true },
    ], "/v1/customers", { q: query.q }, { empty: query.q ? "No customer matches." : "No customers yet.", rowLink: (c) => `#/customers/${c.id}` }));
}

export async function customerNew() {
  const key = newIdempotencyKey();
  const inputs = {
    name: h("input", { name: "name", required: true, autocomplete: "organization" }),
    email: h("input", { name: "email", type: "email", autocomplete: "email" }),
    phone: h("input", { name: "phone", type: "tel" }),
    payment_terms_days: h("input", { name: "payment_terms_days", type: "number", min: 0, max: 3650, value: "30" }),
  };
  const form = h("form", { class: "card", onsubmit: onSubmit(async () => {
    const body = { name: inputs.name.value };
    if (inputs.email.value) body.email = inputs.email.value;
    if (inputs.phone.value) body.phone = inputs.phone.value;
    if (inputs.payment_terms_days.value) body.payment_terms_days = Number(inputs.payment_terms_days.value);
    const customer = await api("POST", "/v1/customers", { body, idempotencyKey: key });
    return `#/customers/${customer.id}`;
  }) },
  field("Name", inputs.name), field("Email", inputs.email), field("Phone", inputs.phone),
  field("Payment terms (days)", inputs.payment_terms_days),
  h("button", { type: "submit", class: "primary" }, "Create customer"));
  return page("New customer", null, form);
}

export async function customerDetail({ id }) {
  const [customer, ledger] = await Promise.all([
    api("GET", `/v1/customers/${id}`),
    api("GET", `/v1/customers/${id}/ledger`, { query: { limit: 50 } }),
  ]);
  const c = customer.currency;
  const actions = [
    can("quotes") ? h("a", { class: "button primary", href: `#/quotes/new?customer_id=${customer.id}` }, "New quote") : null,
    can("customers") ? h("button", { type: "button", onclick: () => editCustomer(customer) }, "Edit…") : null,
    customer.balance.credit_balance > 0 && can("payments") ? h("button", { type: "button", onclick: () => refundCredit(customer) }, "Refund credit…") : null,
  ];
  return page(customer.name, actions,
    balancePanel(customer.balance),
    h("section", { class: "panel" }, h("h2", {}, "Details"),
      h("dl", { class: "facts" },
        h("dt", {}, "Email"), h("dd", {}, customer.email || "—"),
        h("dt", {}, "Phone"), h("dd", {}, customer.phone || "—"),
        h("dt", {}, "Payment terms"), h("dd", {}, `${customer.payment_terms_days} days`),
        h("dt", {}, "Currency"), h("dd", {}, c))),
    h("section", { class: "panel" }, h("h2", {}, "Statement"),
      ledgerTable(ledger.data, c)),
    h("section", { class: "panel" }, h("h2", {}, "Orders"),
      pagedTable([{ label: "Order", cell: (o) => o.number }, { label: "Status", cell: (o) => o.status },
        { label: "Total", cell: (o) => money(o.total, o.currency), numeric: true }], "/v1/orders", { customer_id: id },
      { empty: "No orders yet.", rowLink: (o) => `#/orders/${o.id}`, limit: 10 })));
}

/** The customer's account as the server figures it: what they owe, their outstanding credit
 * (from voided or credited invoices and overpayments), open orders and what the limit leaves. */
export function balancePanel(balance) {
  const c = balance.currency;
  const row = (label, value, note) => h("div", { class: "figure" }, h("span", { class: "figure-label" }, label), h("span", { class: "figure-value" }, value), note ? h("small", {}, note) : null);
  return h("section", { class: "panel balance", "aria-label": "Customer balance" },
    row("Receivable", money(balance.receivable, c)),
    row("Open orders", money(balance.open_orders_amount, c)),
    row("Credit balance", money(balance.credit_balance, c), balance.credit_balance > 0 ? "outstanding credit, can be applied" : null),
    row("Credit limit", balance.credit_limit === null ? "No limit" : money(balance.credit_limit, c)),
    row("Available credit", balance.available_credit === null ? "—" : money(balance.available_credit, c)));
}

function ledgerTable(entries, currency) {
  return h("div", {}, entries.length ? null : h("p", { class: "empty" }, "No documents yet."),
    entries.length ? h("table", {}, h("thead", {}, h("tr", {}, ["Date", "Document", "Type", "Amount", "Balance"].map((l, i) => h("th", { class: i >= 3 ? "num" : null }, l)))),
      h("tbody", {}, entries.map((e) => h("tr", {}, h("td", {}, date(e.at)), h("td", {}, e.number || ""), h("td", {}, e.type.replaceAll("_", " ")),
        h("td", { class: e.amount < 0 ? "num neg" : "num" }, money(e.amount, currency)), h("td", { class: "num" }, money(e.balance_after, currency)))))) : null);
}

/** Edit a customer: contact details for sales, credit terms for admins only (docs/api.md §2);
 * If-Match keeps a colleague's change from being overwritten (a 412 says so, ui.js). */
function editCustomer(customer) {
  formDialog(`Edit ${customer.name}`, "Save", () => {
    const admin = session.me?.role === "admin";
    const inputs = {
      name: h("input", { name: "name", value: customer.name, required: true }),
      email: h("input", { name: "email", type: "email", value: customer.email || "" }),
      phone: h("input", { name: "phone", value: customer.phone || "" }),
      credit_limit: admin ? h("input", { name: "credit_limit", inputmode: "decimal", value: customer.credit_limit === null ? "" : plainMoney(customer.credit_limit, customer.currency) }) : null,
      payment_terms_days: admin ? h("input", { name: "payment_terms_days", type: "number", min: 0, max: 3650, value: String(customer.payment_terms_days) }) : null,
    };
    return {
      fields: [field("Name", inputs.name), field("Email", inputs.email), field("Phone", inputs.phone),
        admin ? field(`Credit limit (${customer.currency}; empty: no limit)`, inputs.credit_limit) : null,
        admin ? field("Payment terms (days)", inputs.payment_terms_days) : null],
      submit: () => {
        const body = { name: inputs.name.value, email: inputs.email.value || null, phone: inputs.phone.value || null };
        if (admin) {
          body.credit_limit = inputs.credit_limit.value.trim() === "" ? null : typedMoney(inputs.credit_limit, customer.currency);
          body.payment_terms_days = Number(inputs.payment_terms_days.value);
        }
        return api("PATCH", `/v1/customers/${customer.id}`, { body, ifMatch: customer.version });
      },
    };
  });
}

/** Pay some of the customer's outstanding credit back to them (docs/api.md §3 Payments). */
function refundCredit(customer) {
  const key = newIdempotencyKey();
  formDialog(`Refund credit to ${customer.name}`, "Refund", () => {
    const amount = h("input", { name: "amount", inputmode: "decimal", required: true });
    const method = methodSelect("bank_transfer");
    return {
      fields: [h("p", {}, `Credit balance: ${money(customer.balance.credit_balance, customer.currency)}`),
        field(`Amount (${customer.currency})`, amount), field("Method", method)],
      submit: () => api("POST", `/v1/customers/${customer.id}/credit-refunds`, { body: { amount: typedMoney(amount, customer.currency), method: method.value }, idempotencyKey: key }),
    };
  });
}

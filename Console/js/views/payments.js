// Payments and what each paid (docs/api.md §3 Payments (collections)); an accountant voids a
// payment that bounced, and what it paid becomes due again. Below them, the credit refunds.
import { h, field } from "../dom.js";
import { api, newIdempotencyKey } from "../api.js";
import { money, date } from "../format.js";
import { page, pagedTable, statusFilter, formDialog, statusBadge } from "../ui.js";

export async function paymentList(_, query, { can }) {
  return page("Payments", null, statusFilter("#/payments", ["posted", "void"], query.status),
    pagedTable([
      { label: "Payment", cell: (p) => p.number },
      { label: "Status", cell: (p) => statusBadge(p.status) },
      { label: "Received", cell: (p) => date(p.received_at) },
      { label: "Method", cell: (p) => p.method.replace("_", " ") },
      { label: "Amount", cell: (p) => money(p.amount, p.currency), numeric: true },
      { label: "Unallocated", cell: (p) => money(p.amount_unallocated, p.currency), numeric: true },
      { label: "", cell: (p) => (p.status !== "void" && can("payments") ? h("button", { type: "button", onclick: () => voidPayment(p) }, "Void…") : "") },
    ], "/v1/payments", { status: query.status }, { empty: "No payments." }),
    h("section", { class: "panel" }, h("h2", {}, "Credit refunds"),
      pagedTable([
        { label: "Refund", cell: (r) => r.number },
        { label: "Customer", cell: (r) => h("a", { href: `#/customers/${r.customer_id}` }, `Customer ${r.customer_id}`) },
        { label: "Method", cell: (r) => r.method.replace("_", " ") },
        { label: "Date", cell: (r) => date(r.created_at) },
        { label: "Amount", cell: (r) => money(r.amount, r.currency), numeric: true },
      ], "/v1/credit-refunds", {}, { empty: "No credit refunds.", limit: 10 })));
}

function voidPayment(payment) {
  const key = newIdempotencyKey();
  formDialog(`Void ${payment.number}`, "Void payment", () => {
    const reason = h("input", { name: "reason", required: true });
    return {
      fields: [h("p", {}, `${money(payment.amount, payment.currency)} received ${date(payment.received_at)}; what it paid becomes due again.`), field("Reason", reason)],
      submit: () => api("POST", `/v1/payments/${payment.id}/void`, { body: { reason: reason.value }, idempotencyKey: key, ifMatch: payment.version }),
    };
  });
}

// The console's shell: sign-in, navigation, and the view the URL names (Console/js/router.js).
import { h, replace } from "./dom.js";
import { api, session, can } from "./api.js";
import { route, resolve } from "./router.js";
import { signIn } from "./views/signin.js";
import { dashboard } from "./views/dashboard.js";
import { customerList, customerDetail, customerNew } from "./views/customers.js";
import { productList } from "./views/products.js";
import { orderList, orderDetail, orderNew } from "./views/orders.js";
import { quoteList, quoteDetail, quoteNew, quotePrint } from "./views/quotes.js";
import { invoiceList, invoiceDetail, invoicePrint } from "./views/invoices.js";
import { reference } from "./views/reference.js";
import { reports } from "./views/reports.js";
import { paymentList } from "./views/payments.js";
import { reps } from "./views/reps.js";

route("/signin", signIn);
route("/", dashboard);
route("/customers", customerList);
route("/customers/new", customerNew);
route("/customers/:id", customerDetail);
route("/products", productList);
route("/quotes", quoteList);
route("/quotes/new", quoteNew);
route("/quotes/:id", quoteDetail);
route("/quotes/:id/print", quotePrint);
route("/orders", orderList);
route("/orders/new", orderNew);
route("/orders/:id", orderDetail);
route("/invoices", invoiceList);
route("/invoices/:id", invoiceDetail);
route("/invoices/:id/print", invoicePrint);
route("/payments", paymentList);
route("/reports", reports);
route("/reps", reps);
route("/reference", reference);

const root = document.getElementById("app");

function navigation() {
  const links = [["#/", "Dashboard"], ["#/customers", "Customers"], ["#/products", "Products & stock"], ["#/quotes", "Quotes"],
    ["#/orders", "Orders"], ["#/invoices", "Invoices"], ["#/payments", "Payments"], ["#/reps", "Field sales"], ["#/reports", "Reports"], ["#/reference", "API reference"]];
  const current = location.hash || "#/";
  return h("nav", { class: "main-nav", "aria-label": "Main" },
    h("div", { class: "brand" }, "Sales"),
    h("ul", {}, links.map(([href, label]) => h("li", {}, h("a", { href, "aria-current": current === href || (href !== "#/" && current.startsWith(href)) ? "page" : null }, label)))),
    h("div", { class: "who" }, session.me ? `${session.me.name} · ${session.me.role}` : "",
      h("button", { type: "button", class: "link", onclick: () => { session.key = null; session.me = null; location.hash = "#/signin"; } }, "Sign out")));
}

async function render() {
  const target = resolve(location.hash);
  if (!session.key && target?.view !== signIn) { location.hash = "#/signin"; return; }
  if (session.key && (!session.me || !session.currency)) {
    try {
      session.me = await api("GET", "/v1/api-keys/current");
      session.currency = (await api("GET", "/v1/reports/top-products", { query: { limit: 1 } })).currency;
    } catch { return; }
  }
  if (!target) { replace(root, navigation(), h("main", {}, h("h1", {}, "Not found"), h("p", {}, "No view at this address."))); return; }
  const print = location.hash.endsWith("/print");
  const main = h("main", { id: "content", tabindex: "-1" }, h("p", { class: "loading" }, "Loading…"));
  if (target.view === signIn || print) replace(root, main); else replace(root, navigation(), main);
  document.body.classList.toggle("printing", print);
  try {
    replace(main, await target.view(target.params, target.query, { can }));
  } catch (error) {
    replace(main, h("div", { class: "problem", role: "alert" }, h("strong", {}, "This view could not load: "), error.message));
  }
}

window.addEventListener("hashchange", render);
render();

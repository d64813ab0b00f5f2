// Paste the API key once; it stays in this tab only (sessionStorage).
import { h } from "../dom.js";
import { api, session } from "../api.js";
import { busy, showProblem } from "../ui.js";

export async function signIn() {
  const input = h("input", { type: "password", name: "key", autocomplete: "off", required: true, placeholder: "sk_…" });
  const form = h("form", { class: "signin", onsubmit: async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    await busy(button, async () => {
      session.key = input.value.trim();
      try {
        session.me = await api("GET", "/v1/api-keys/current");
        location.hash = "#/";
      } catch (error) {
        session.key = null;
        showProblem(form, error.status === 401 ? Object.assign(error, { detail: "That key is not valid, or it was revoked." }) : error);
      }
    });
  } },
  h("h1", {}, "Sales console"),
  h("p", {}, "Paste an API key: the server prints the first admin key when it starts on a new database, and an admin makes a key for each person."),
  h("div", { class: "field" }, h("label", { for: "key" }, "API key"), Object.assign(input, { id: "key" })),
  h("button", { type: "submit", class: "primary" }, "Sign in"));
  return form;
}

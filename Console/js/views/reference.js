// The API reference, read from /openapi.json (the same document integrators generate clients from).
import { h } from "../dom.js";
import { page } from "../ui.js";

export async function reference() {
  const spec = await (await fetch("/openapi.json")).json();
  const groups = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || !operation.operationId) continue;
      const tag = (operation.tags || ["other"])[0];
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag).push({ method: method.toUpperCase(), path, operation });
    }
  }
  return page("API reference", h("a", { class: "button", href: "/openapi.json", download: "openapi.json" }, "Download openapi.json"),
    h("p", {}, spec.info.summary || "", " Version ", spec.info.version, "."),
    [...groups].map(([tag, operations]) => h("section", { class: "panel" }, h("h2", {}, tag),
      h("dl", { class: "operations" }, operations.map(({ method, path, operation }) => [
        h("dt", {}, h("code", { class: `method ${method.toLowerCase()}` }, method), " ", h("code", {}, path)),
        h("dd", {}, operation.summary || "", " ", h("small", {}, operation.operationId))])))));
}

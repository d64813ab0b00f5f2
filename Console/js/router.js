// URLs are the state: #/orders/42 survives a reload and can be sent to a colleague; the back
// button walks the views. Routes are patterns with :params.

const routes = [];

export function route(pattern, view) {
  const names = [];
  const regex = new RegExp("^" + pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return "([^/]+)"; }) + "$");
  routes.push({ regex, names, view });
}

export function resolve(hash) {
  const [path, queryText] = (hash.replace(/^#/, "") || "/").split("?");
  const query = Object.fromEntries(new URLSearchParams(queryText || ""));
  for (const { regex, names, view } of routes) {
    const match = path.match(regex);
    if (match) return { view, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])])), query };
  }
  return null;
}

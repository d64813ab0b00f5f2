// The console talks only to the public /v1 API, as any client (docs/api.md). The key lives in
// sessionStorage for this tab: never in a URL, never in a log line, gone when the tab closes.

const KEY = "sales.apiKey";

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  set key(value) { if (value) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY); },
  /** The key's own record (GET /v1/api-keys/current): its role decides what is offered. */
  me: null,
  /** The server's currency (products are priced in it), as its reports state it. */
  currency: null,
};

/** An answer of 400 or more: problem+json's code, detail and field errors (docs/api.md §1 "Errors"). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || `http_${status}`;
    this.errors = problem.errors || [];
  }
}

/** A new Idempotency-Key: a form takes one when it opens, so a double click or a retry of the
 * same submission has one effect (docs/api.md §1 "idempotency"). */
export function newIdempotencyKey() { return crypto.randomUUID(); }

/**
 * api("GET", "/v1/orders", {query: {status: "confirmed"}}) → the parsed JSON answer. A 412 (the
 * resource changed since the form opened) reads as such.
 * Throws ApiError for problem answers; a 401 signs the tab out.
 */
export async function api(method, path, { body, query, idempotencyKey, ifMatch, accept = "application/json" } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  const headers = { Authorization: `Bearer ${session.key}`, Accept: accept };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  // Optimistic concurrency (docs/api.md §1 "versions"): change only the version the form showed.
  if (ifMatch !== undefined) headers["If-Match"] = `"${ifMatch}"`;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && !location.hash.startsWith("#/signin")) {
    session.key = null;
    session.me = null;
    location.hash = "#/signin";
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { problem = { detail: `HTTP ${response.status}` }; }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  return accept === "application/json" ? response.json() : response.text();
}

/** What the signed-in key's role may do (docs/api.md §2), so the console offers only that. */
export function can(action) {
  const role = session.me?.role;
  if (role === "admin") return true;
  const allowed = {
    sales: ["customers", "quotes", "orders", "field"],
    warehouse: ["products", "stock", "shipments"],
    accounting: ["invoices", "payments", "taxes"],
  };
  return (allowed[role] || []).includes(action);
}

// The one place the console makes elements (issue 19 item 4): every value from the API is written
// as a text node or an attribute, never parsed as HTML — a customer named <img src=x onerror=alert(1)>
// shows those characters. Tests/SalesAPITests/ConsoleTests.swift fails if any file parses HTML from
// a string.

const SVG = "http://www.w3.org/2000/svg";

/** h("button", {class: "primary", onclick: f}, "Save") → an element; children are nodes or text. */
export function h(tag, attributes = {}, ...children) {
  const element = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (name === "value" && "value" in element) element.value = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A labelled input: the label's `for` is the input's id, so a person (and a test) finds it by label. */
let fieldCounter = 0;
export function field(label, input, hint) {
  const id = input.id || `f${++fieldCounter}`;
  input.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, label), input, hint ? h("small", {}, hint) : null,
    h("span", { class: "field-error", role: "alert", dataset: { for: input.name || "" } }));
}

/** A table from column definitions [{label, cell: row => node|text, numeric}]. */
export function table(columns, rows, { empty = "Nothing yet.", rowLink } = {}) {
  if (!rows.length) return h("p", { class: "empty" }, empty);
  return h("table", {},
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { class: c.numeric ? "num" : null, scope: "col" }, c.label)))),
    h("tbody", {}, rows.map((row) => h("tr", rowLink ? { class: "link", onclick: () => { location.hash = rowLink(row); } } : {},
      columns.map((c) => h("td", { class: c.numeric ? "num" : null }, c.cell(row)))))));
}

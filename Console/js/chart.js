// Charts as inline SVG drawn here (issue 19 item 2, the dashboard), each with the same figures as a
// table below it for screen readers and for copying.
import { h } from "./dom.js";

/** Vertical bars: [{label, value}] → an <svg> with one <rect> per bar and a <title> on each. */
export function barChart(points, { title, format = String, height = 160 } = {}) {
  const barWidth = 28;
  const width = Math.max(280, points.length * barWidth);
  const max = Math.max(1, ...points.map((p) => p.value));
  return h("svg:svg", { class: "chart", viewBox: `0 0 ${width} ${height + 20}`, role: "img", "aria-label": title },
    h("svg:title", {}, title),
    points.map((p, i) => {
      const barHeight = Math.round((Math.max(0, p.value) / max) * height);
      return h("svg:g", {},
        h("svg:rect", { x: i * barWidth + 3, y: height - barHeight, width: Math.max(2, barWidth - 6), height: barHeight, class: "bar" },
          h("svg:title", {}, `${p.label}: ${format(p.value)}`)),
        points.length <= 14 ? h("svg:text", { x: i * barWidth + barWidth / 2, y: height + 14, "text-anchor": "middle", class: "axis" }, p.label) : null);
    }));
}

/** One horizontal bar split into segments: [{label, value, class}] (receivables by age). */
export function stackedBar(segments, { title, format = String } = {}) {
  const width = 600;
  const total = segments.reduce((sum, s) => sum + Math.max(0, s.value), 0);
  let x = 0;
  return h("svg:svg", { class: "chart stacked", viewBox: `0 0 ${width} 28`, role: "img", "aria-label": title },
    h("svg:title", {}, title),
    total === 0 ? h("svg:rect", { x: 0, y: 0, width, height: 28, class: "empty-bar" }) :
      segments.map((s) => {
        const w = (Math.max(0, s.value) / total) * width;
        const rect = h("svg:rect", { x, y: 0, width: w, height: 28, class: `seg ${s.class}` }, h("svg:title", {}, `${s.label}: ${format(s.value)}`));
        x += w;
        return rect;
      }));
}

// Private: assemble Plot panels, a title, a legend and notes into ONE <svg>
// (Plot's own title/legend options wrap the plot in HTML, which a PNG
// renderer cannot draw).
import {
  type Doc,
  type DomElement,
  FONT_FAMILY,
  FONT_SIZE,
  SVG_NS,
  textWidth,
} from "./_dom.ts";

/** One legend entry. */
export interface LegendItem {
  label: string;
  color: string;
  /** `text` draws the label in the color, without a swatch. */
  shape: "rect" | "circle" | "triangle" | "square" | "line" | "text";
}

/** A titled run of legend entries. */
export interface LegendGroup {
  title?: string;
  items: readonly LegendItem[];
}

/** What to assemble. */
export interface ComposeSpec {
  title?: string;
  subtitle?: string;
  legend?: readonly LegendGroup[];
  /** Panels, row by row. */
  rows: readonly (readonly DomElement[])[];
  /** Lines of small text under the panels. */
  notes?: readonly string[];
  gap?: number;
  margin?: number;
}

function el(
  doc: Doc,
  name: string,
  attrs: Record<string, string | number>,
): DomElement {
  const e = doc.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function text(
  doc: Doc,
  x: number,
  y: number,
  content: string,
  attrs: Record<string, string | number> = {},
): DomElement {
  const t = el(doc, "text", { x, y, ...attrs });
  t.appendChild(doc.createTextNode(content));
  return t;
}

function size(panel: DomElement): [number, number] {
  const w = Number(panel.getAttribute("width"));
  const h = Number(panel.getAttribute("height"));
  if (!(w > 0 && h > 0)) {
    throw new RangeError(
      `Expected a panel with positive width and height, got width "${
        panel.getAttribute("width")
      }" and height "${panel.getAttribute("height")}"`,
    );
  }
  return [w, h];
}

function swatch(doc: Doc, item: LegendItem, x: number, cy: number): DomElement {
  const c = item.color;
  switch (item.shape) {
    case "circle":
      return el(doc, "circle", { cx: x + 6, cy, r: 5, fill: c });
    case "square":
      return el(doc, "rect", {
        x: x + 1,
        y: cy - 5,
        width: 10,
        height: 10,
        fill: c,
      });
    case "triangle":
      return el(doc, "path", {
        d: `M${x + 6},${cy - 6}L${x + 12},${cy + 5}L${x},${cy + 5}Z`,
        fill: c,
      });
    case "line":
      return el(doc, "line", {
        x1: x,
        x2: x + 14,
        y1: cy,
        y2: cy,
        stroke: c,
        "stroke-width": 3,
      });
    default:
      return el(doc, "rect", { x, y: cy - 6, width: 14, height: 12, fill: c });
  }
}

/** Lay legend groups out left to right, wrapping at `width`; returns height. */
function drawLegend(
  doc: Doc,
  root: DomElement,
  groups: readonly LegendGroup[],
  x0: number,
  y0: number,
  width: number,
): number {
  const line = 20;
  let x = x0;
  let y = y0 + line / 2;
  const place = (w: number) => {
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += line;
    }
  };
  for (const group of groups) {
    if (group.title) {
      const w = textWidth(group.title, FONT_SIZE + 1) + 8;
      place(w + 40);
      root.appendChild(
        text(doc, x, y + 4, group.title, {
          "font-weight": "bold",
          "font-size": FONT_SIZE + 1,
        }),
      );
      x += w;
    }
    for (const item of group.items) {
      const sw = item.shape === "text" ? 0 : 18;
      const w = sw + textWidth(item.label, FONT_SIZE + 1) + 14;
      place(w);
      if (sw) root.appendChild(swatch(doc, item, x, y));
      root.appendChild(
        text(doc, x + sw, y + 4, item.label, {
          "font-size": FONT_SIZE + 1,
          ...(item.shape === "text"
            ? { fill: item.color, "font-weight": "bold" }
            : {}),
        }),
      );
      x += w;
    }
    x += 16;
  }
  return y + line / 2 - y0;
}

/** Assemble the figure; the result is a standalone `<svg>`. */
export function compose(doc: Doc, spec: ComposeSpec): DomElement {
  const gap = spec.gap ?? 12;
  const margin = spec.margin ?? 10;
  const sizes = spec.rows.map((row) => row.map(size));
  const rowWidth = sizes.map((r) =>
    r.reduce((s, [w]) => s + w, 0) + gap * Math.max(0, r.length - 1)
  );
  const width = Math.ceil(Math.max(...rowWidth, 200) + 2 * margin);
  const root = el(doc, "svg", {
    xmlns: SVG_NS,
    "font-family": FONT_FAMILY,
    "font-size": FONT_SIZE,
  });
  const bg = el(doc, "rect", {
    x: 0,
    y: 0,
    width: "100%",
    height: "100%",
    fill: "white",
  });
  root.appendChild(bg);
  let y = margin;
  if (spec.title) {
    root.appendChild(
      text(doc, margin, y + 16, spec.title, {
        "font-size": 17,
        "font-weight": "bold",
      }),
    );
    y += 24;
  }
  if (spec.subtitle) {
    root.appendChild(
      text(doc, margin, y + 12, spec.subtitle, {
        "font-size": 12,
        fill: "#555",
      }),
    );
    y += 18;
  }
  if (spec.legend?.length) {
    y += 4 +
      drawLegend(doc, root, spec.legend, margin, y + 4, width - 2 * margin);
  }
  if (spec.title || spec.subtitle || spec.legend?.length) y += 6;
  spec.rows.forEach((row, i) => {
    let x = margin;
    row.forEach((panel, j) => {
      const [w] = sizes[i][j];
      panel.setAttribute("x", String(x));
      panel.setAttribute("y", String(y));
      root.appendChild(panel);
      x += w + gap;
    });
    y += Math.max(...sizes[i].map(([, h]) => h)) + gap;
  });
  for (const note of spec.notes ?? []) {
    root.appendChild(
      text(doc, margin, y + 10, note, { "font-size": 12, fill: "#333" }),
    );
    y += 17;
  }
  const height = Math.ceil(y + margin - (spec.notes?.length ? 0 : gap));
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return root;
}

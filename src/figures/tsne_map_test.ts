import assert from "node:assert/strict";
import { type MapPoint, tsneFigure } from "./tsne_map.ts";

const points: MapPoint[] = [
  { x: 0, y: 0, modality: "CT", degradation: "low_dose", source: "simulated" },
  { x: 1, y: 0, modality: "CT", degradation: "low_dose", source: "real" },
  {
    x: 5,
    y: 5,
    modality: "MRI",
    degradation: "gaussian_blur",
    source: "simulated",
  },
  { x: 6, y: 5, modality: "MRI", degradation: "gaussian_blur", source: "real" },
  {
    x: 7,
    y: 5,
    modality: "MRI",
    degradation: "gaussian_noise",
    source: "simulated",
  },
];

// deno-lint-ignore no-explicit-any
const count = (svg: any, sel: string): number =>
  svg.querySelectorAll(sel).length;

Deno.test("tsneFigure() draws one panel per modality with every point (facets)", () => {
  const svg = tsneFigure(points);
  const html = svg.outerHTML;
  assert.ok(html.startsWith("<svg"));
  assert.equal(count(svg, 'g[aria-label="dot"]'), 2);
  assert.equal(count(svg, 'g[aria-label="dot"] path'), 5);
  assert.ok(html.includes("CT (2)") && html.includes("MRI (3)"));
  assert.ok(html.includes("gaussian_noise") && !html.includes("sparse_view"));
});

Deno.test("tsneFigure() single layout numbers the centre of each type with real images", () => {
  const svg = tsneFigure(points, { layout: "single" });
  const html = svg.outerHTML;
  // Points, then one centre per (modality, type with a real image): 2.
  const dots = svg.querySelectorAll('g[aria-label="dot"]');
  assert.equal(dots.length, 2);
  assert.equal(count(svg, 'g[aria-label="dot"] path'), 5);
  assert.equal(count(svg, 'g[aria-label="dot"] circle'), 2);
  assert.ok(html.includes("1. low_dose") || html.includes("1. gaussian_blur"));
  assert.ok(!html.includes(". gaussian_noise"));
});

Deno.test("tsneFigure() rejects empty input and unknown layouts", () => {
  assert.throws(() => tsneFigure([]), /0 points/);
  assert.throws(
    () => tsneFigure(points, { layout: "grid" as "single" }),
    /layout "grid"/,
  );
});

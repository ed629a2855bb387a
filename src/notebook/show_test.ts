import assert from "node:assert/strict";
import { show } from "./show.ts";
import { severityBars, tableHtml } from "../figures/mod.ts";

Deno.test("show: figures become SVG displayables, other values pass through, in order", async () => {
  const seen: unknown[] = [];
  const table = tableHtml([{ a: 1 }]);
  await show([
    severityBars([{ model: "m", L0: 70, L1: 68, L2: 60 }]),
    table,
    "text",
  ], {
    display: (v) => seen.push(v),
    settleMs: 0,
  });
  assert.equal(seen.length, 3);
  const fig = seen[0] as {
    outerHTML: string;
    [k: symbol]: () => Record<string, string>;
  };
  assert.ok(fig.outerHTML.startsWith("<svg"));
  assert.ok("image/svg+xml" in fig[Symbol.for("Jupyter.display")]());
  assert.equal(seen[1], table);
  assert.equal(seen[2], "text");
});

Deno.test("show: a single value, and a bad pause", async () => {
  const seen: unknown[] = [];
  await show(42, { display: (v) => seen.push(v), settleMs: 1 });
  assert.deepEqual(seen, [42]);
  await assert.rejects(() => show(1, { settleMs: -1 }), /-1 ms/);
});

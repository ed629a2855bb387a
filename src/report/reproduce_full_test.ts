import assert from "node:assert/strict";
import { join } from "node:path";
import sharp from "sharp";
import { reproduce } from "./reproduce.ts";

// The README's main job on the shipped data: every output exists and is non-trivial.
Deno.test("reproduce() on the shipped data writes every table, figure, fidelity row and the page", async () => {
  const out = await Deno.makeTempDir({ prefix: "medq-reproduce-" });
  const s = await reproduce({ out, log: () => {} });
  assert.deepEqual(Object.keys(s.tables).sort(), [
    "calibration",
    "main",
    "realworld",
  ]);
  for (const paths of Object.values(s.tables)) assert.equal(paths.length, 11);
  const names = s.figures.filter((f) => f.endsWith(".svg")).map((f) =>
    f.split("/").pop()
  ).sort();
  assert.deepEqual(names, [
    "calibration_shift.svg",
    "dke_arrows.svg",
    "heatmap_degradation.svg",
    "heatmap_skill.svg",
    "modality_radar.svg",
    "rank_bump.svg",
    "reliability.svg",
    "severity_bars.svg",
    "tsne_map.svg",
  ]);
  for (const f of s.figures) {
    const size = (await Deno.stat(f)).size;
    assert.ok(size > 10_000, `${f} is only ${size} bytes`);
    if (f.endsWith(".png")) {
      const { channels } = await sharp(f).stats();
      assert.ok(
        Math.max(...channels.map((c) => c.stdev)) > 10,
        `${f} looks blank`,
      );
    }
  }
  // One fidelity row per published number (Table 2's "—-" cells are not numbers).
  assert.equal(s.fidelity.length, 2354);
  const csv = (await Deno.readTextFile(join(out, "fidelity.csv"))).trim().split(
    "\n",
  );
  assert.equal(csv.length, 1 + 2354);
  assert.equal(
    csv[0],
    "source,model,column,paper,reproduced,difference,tolerance,within,attainable,attainable_tolerance,within_attainable,note",
  );
  const table6 = s.fidelity.filter((r) => r.source === "table6");
  assert.ok(
    table6.length === 200 && table6.every((r) => r.within),
    "Table 6 is reproduced within 0.01 points",
  );
  const html = await Deno.readTextFile(s.index);
  assert.equal((html.match(/<figure/g) ?? []).length, 9);
  assert.ok(html.includes("Fidelity to the paper"));
});

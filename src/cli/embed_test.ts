import assert from "node:assert/strict";
import { join } from "node:path";
import { createPrng } from "../random/prng.ts";
import { main } from "./embed.ts";

Deno.test("embed CLI maps a user's embeddings file and writes map, co-location and figures", async () => {
  const dir = await Deno.makeTempDir();
  const lines: string[] = [];
  const prng = createPrng(1);
  for (let i = 0; i < 40; i++) {
    const type = i % 2 ? "low_dose" : "sparse_view";
    const source = i % 4 < 2 ? "real" : "simulated";
    lines.push(JSON.stringify({
      image_id: `img${i}`,
      modality: "CT",
      degradation: type,
      severity: 1,
      source,
      vector: [i % 2 ? 10 : 0, prng.normal(), prng.normal()],
    }));
  }
  const input = join(dir, "emb.jsonl");
  await Deno.writeTextFile(input, lines.join("\n") + "\n");
  const out = join(dir, "out");
  const code = await main([
    "--embeddings",
    input,
    "--out",
    out,
    "--permutations",
    "49",
    "--k",
    "5",
  ]);
  assert.equal(code, 0);
  const map = (await Deno.readTextFile(join(out, "tsne_map.csv"))).trim().split(
    "\n",
  );
  assert.equal(map.length, 41);
  assert.equal(map[0], "image_id,modality,degradation,severity,source,x,y");
  const co = (await Deno.readTextFile(join(out, "colocation.csv"))).trim()
    .split("\n");
  // Header, CT/all, CT/low_dose, CT/sparse_view; types are well separated, so
  // every neighbour is of the same type and half of them are simulated.
  assert.equal(co.length, 4);
  const all = co[1].split(",");
  assert.equal(all[0], "CT");
  assert.equal(all[1], "all");
  assert.ok(
    Number(all[5]) > 0.3 && Number(all[7]) > 1.5 && Number(all[8]) <= 0.05,
    co[1],
  );
  assert.ok(Number(all[6]) > 0.25 && Number(all[6]) < 0.27, co[1]); // 10/39
  assert.ok(
    (await Deno.readTextFile(join(out, "tsne_map.svg"))).startsWith("<svg"),
  );
  assert.ok((await Deno.stat(join(out, "tsne_map.png"))).size > 1000);
});

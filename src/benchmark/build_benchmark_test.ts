import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { buildBenchmark } from "./build_benchmark.ts";
import { loadResults } from "../results/load_results.ts";
import { readImage, readImageFile, writeImage } from "../degrade/image_io.ts";
import { appliesTo, DEGRADATIONS, MODALITIES } from "../taxonomy/mod.ts";

const ITEMS = fileURLToPath(
  new URL("../degrade/testdata/clean_items.csv", import.meta.url),
);
const IMAGES = fileURLToPath(
  new URL("../../data/sample_images", import.meta.url),
);

async function filesOf(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(`${dir}/${prefix}`)) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory) out.push(...await filesOf(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

Deno.test("buildBenchmark writes a results directory the loaders accept, deterministically (the same bytes on 2 workers)", async () => {
  const a = await Deno.makeTempDir(), b = await Deno.makeTempDir();
  const summary = await buildBenchmark({
    items: ITEMS,
    images: IMAGES,
    out: a,
    seed: 4,
  });
  const progress: number[] = [];
  await buildBenchmark({
    items: ITEMS,
    images: IMAGES,
    out: b,
    seed: 4,
    workers: 2,
    onProgress: (done, total) => progress.push(done / total),
  });
  assert.equal(progress.at(-1), 1);
  const files = await filesOf(a);
  assert.deepEqual(files, await filesOf(b));
  for (const f of files) {
    assert.deepEqual(
      await Deno.readFile(`${a}/${f}`),
      await Deno.readFile(`${b}/${f}`),
      f,
    );
  }

  const results = await loadResults(a);
  const items = results.items;
  assert.equal(items.n, summary.items);
  assert.equal(summary.questions, 5);
  assert.equal(summary.images, items.n - 5);
  assert.equal(results.predictions.n, 0);
  for (let q = 0; q < 5; q++) {
    const rows = [...Array(items.n).keys()].filter((i) =>
      items.question[i] === q
    );
    const degraded = rows.filter((i) => items.severity[i]! > 0);
    const ids = new Set(degraded.map((i) => items.degradation[i]));
    assert.ok(ids.size >= 1 && ids.size <= 3, `question ${q}: ${ids.size} ids`);
    assert.equal(degraded.length, 2 * ids.size); // each at L1 and L2
    assert.equal(rows.length - degraded.length, 1);
    for (const i of degraded) {
      const id = DEGRADATIONS[items.degradation[i]!]!;
      assert.ok(
        appliesTo(id, MODALITIES[items.modality[i]!]!),
        `${id} on ${MODALITIES[items.modality[i]!]}`,
      );
      const image = items.extra.image![i]!;
      assert.ok(
        files.includes(image) && files.includes(`${image}.json`),
        image,
      );
      assert.deepEqual(
        JSON.parse(items.extra.degradation_params![i]!),
        JSON.parse(await Deno.readTextFile(`${a}/${image}.json`)).params,
      );
    }
  }
  assert.equal(
    items.extra.question![0],
    "Which structure is brightest, the skull or the ventricles?",
  );
  const other = await Deno.makeTempDir();
  await buildBenchmark({ items: ITEMS, images: IMAGES, out: other, seed: 5 });
  assert.notDeepEqual(
    await Deno.readFile(`${other}/items.csv`),
    await Deno.readFile(`${a}/items.csv`),
  );
  for (const d of [a, b, other]) await Deno.remove(d, { recursive: true });
});

Deno.test("buildBenchmark keeps 16-bit sources 16-bit", async () => {
  const images = await Deno.makeTempDir(), out = await Deno.makeTempDir();
  for await (const e of Deno.readDir(IMAGES)) {
    if (!e.name.endsWith(".png")) continue;
    const image = await readImage(`${IMAGES}/${e.name}`);
    await writeImage(`${images}/${e.name}`, image, { bitDepth: 16 });
  }
  await buildBenchmark({ items: ITEMS, images, out, seed: 4 });
  const written = (await filesOf(out)).filter((f) => f.endsWith(".png"));
  assert.ok(written.length >= 10, `${written.length} images`);
  for (const f of written) {
    assert.equal((await readImageFile(`${out}/${f}`)).bitDepth, 16, f);
  }
  for (const d of [images, out]) await Deno.remove(d, { recursive: true });
});

Deno.test("buildBenchmark rejects degraded rows, missing images and bad rows with file, row and column", async () => {
  const dir = await Deno.makeTempDir();
  const head =
    "item_id,question_id,source,modality,skill,degradation,severity,n_options,answer,image\n";
  const cases: [string, RegExp][] = [
    [
      "c1,q1,s,CT,Disease Diagnosis,low_dose,1,4,B,ct_phantom.png\n",
      /row 1 \(item_id "c1"\), column severity: 1: expected 0/,
    ],
    [
      "c1,q1,s,CT,Disease Diagnosis,none,0,4,B,nope.png\n",
      /row 1 \(item_id "c1"\), column image: "nope.png": no such file/,
    ],
    ["c1,q1,s,CT,Disease Diagnosis,none,0,4,B,\n", /column image: empty/],
    [
      "c1,q1,s,CT,Disease Diagnosis,none,0,4,B,ct_phantom.png\nc2,q1,s,CT,Disease Diagnosis,none,0,4,B,ct_phantom.png\n",
      /row 2 .*"q1" appears twice/,
    ],
    ["c1,q1,s,PET,Disease Diagnosis,none,0,4,B,ct_phantom.png\n", /PET/],
  ];
  for (const [body, pattern] of cases) {
    await Deno.writeTextFile(`${dir}/items.csv`, head + body);
    await assert.rejects(
      () =>
        buildBenchmark({
          items: `${dir}/items.csv`,
          images: IMAGES,
          out: `${dir}/out`,
        }),
      pattern,
    );
  }
  await Deno.writeTextFile(
    `${dir}/items.csv`,
    head.replace(",image", "") + "c1,q1,s,CT,Disease Diagnosis,none,0,4,B\n",
  );
  await assert.rejects(
    () => buildBenchmark({ items: `${dir}/items.csv`, out: `${dir}/out` }),
    /no "image" column/,
  );
  await Deno.remove(dir, { recursive: true });
});

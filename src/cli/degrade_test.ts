import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { listMarkdown, listText, manifestCsv } from "./degrade.ts";
import { degradationsFor } from "../taxonomy/degradations.ts";
import { runCli } from "./_cli_test_helpers.ts";

const CLI = fileURLToPath(new URL("./degrade.ts", import.meta.url));
const SAMPLES = fileURLToPath(
  new URL("../../data/sample_images", import.meta.url),
);

const run = (...args: string[]) => runCli(CLI, args);

Deno.test("degrade CLI: one file, same seed same bytes, params written next to it", async () => {
  const dir = await Deno.makeTempDir();
  const a = await run(
    "--type",
    "gaussian_noise",
    "--level",
    "1",
    "--seed",
    "3",
    `${SAMPLES}/mri_slice.png`,
    `${dir}/a.png`,
  );
  assert.equal(a.code, 0, a.stderr);
  await run(
    "--type",
    "gaussian_noise",
    "--level",
    "1",
    "--seed",
    "3",
    `${SAMPLES}/mri_slice.png`,
    `${dir}/b.png`,
  );
  assert.deepEqual(
    await Deno.readFile(`${dir}/a.png`),
    await Deno.readFile(`${dir}/b.png`),
  );
  const rec = JSON.parse(await Deno.readTextFile(`${dir}/a.png.json`));
  assert.equal(rec.params.sigma, 0.048);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("degrade CLI: a folder gives a folder and a manifest", async () => {
  const dir = await Deno.makeTempDir();
  const r = await run("--type", "gaussian_blur", "--level", "2", SAMPLES, dir);
  assert.equal(r.code, 0, r.stderr);
  const manifest = (await Deno.readTextFile(`${dir}/manifest.csv`)).trim()
    .split("\n");
  assert.equal(manifest[0], "input,output,id,level,seed,parameters");
  assert.equal(manifest.length, 6);
  assert.match(
    manifest[1]!,
    /ct_phantom\.png,.*ct_phantom\.png,gaussian_blur,2,\d+,"\{""sigma"":7\}"$/,
  );
  assert.match(r.stderr, /100%/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("degrade CLI: several ids and levels in one call, sub-folders mirrored, same draws as one id at a time", async () => {
  const input = await Deno.makeTempDir(), dir = await Deno.makeTempDir();
  await Deno.mkdir(`${input}/scans/ct`, { recursive: true });
  await Deno.copyFile(`${SAMPLES}/ct_phantom.png`, `${input}/scans/ct/a.png`);
  await Deno.copyFile(`${SAMPLES}/mri_slice.png`, `${input}/b.png`);
  const r = await run(
    "--type",
    "gaussian_noise,adjust_brightness",
    "--level",
    "1,2",
    "--seed",
    "5",
    input,
    dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const manifest = (await Deno.readTextFile(`${dir}/manifest.csv`)).trim()
    .split("\n");
  assert.equal(manifest.length, 1 + 2 * 2 * 2);
  for (const id of ["gaussian_noise", "adjust_brightness"]) {
    for (const level of [1, 2]) {
      for (const rel of ["scans/ct/a.png", "b.png"]) {
        const stat = await Deno.stat(`${dir}/${id}/L${level}/${rel}`);
        assert.ok(stat.isFile, `${id}/L${level}/${rel}`);
      }
    }
  }
  // One id at a time, into a mirrored folder: the same bytes.
  const one = await Deno.makeTempDir();
  const s = await run(
    "--type",
    "gaussian_noise",
    "--level",
    "2",
    "--seed",
    "5",
    input,
    one,
  );
  assert.equal(s.code, 0, s.stderr);
  assert.deepEqual(
    await Deno.readFile(`${one}/scans/ct/a.png`),
    await Deno.readFile(`${dir}/gaussian_noise/L2/scans/ct/a.png`),
  );
  // --skip-existing keeps what a run finished and redoes the rest.
  await Deno.remove(`${dir}/adjust_brightness/L1/b.png.json`);
  const before = await Deno.stat(`${dir}/gaussian_noise/L2/b.png`);
  const resumed = await run(
    "--type",
    "gaussian_noise,adjust_brightness",
    "--level",
    "1,2",
    "--seed",
    "5",
    "--skip-existing",
    input,
    dir,
  );
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stdout, /1 image\(s\) written to .*, 7 already there/);
  assert.deepEqual(
    (await Deno.stat(`${dir}/gaussian_noise/L2/b.png`)).mtime,
    before.mtime,
  );
  assert.equal(
    (await Deno.readTextFile(`${dir}/manifest.csv`)).trim().split("\n").length,
    1 + 8,
  );
  // An output folder inside the input is not walked on a rerun.
  for (let k = 0; k < 2; k++) {
    const again = await run(
      "--type",
      "gaussian_blur",
      "--level",
      "1",
      input,
      `${input}/out`,
    );
    assert.equal(again.code, 0, again.stderr);
    const rows = (await Deno.readTextFile(`${input}/out/manifest.csv`)).trim()
      .split("\n");
    assert.equal(rows.length, 1 + 2, `run ${k + 1}`);
  }
  for (const d of [input, dir, one]) await Deno.remove(d, { recursive: true });
});

Deno.test("degrade CLI: --jobs 1 and --jobs 3 write the same bytes and the same manifest; a worker's error exits 2 naming the file", async () => {
  const input = await Deno.makeTempDir();
  await Deno.mkdir(`${input}/sub`);
  const names = ["ct_phantom", "mri_slice", "xray_chest", "endoscopy"];
  for (const [k, name] of names.entries()) {
    const to = k % 2 ? `${input}/sub/${name}.png` : `${input}/${name}.png`;
    await Deno.copyFile(`${SAMPLES}/${name}.png`, to);
  }
  const outs: string[] = [];
  for (const jobs of ["1", "3"]) {
    const out = await Deno.makeTempDir();
    outs.push(out);
    const r = await run(
      "--type",
      "gaussian_noise,reduce_contrast",
      "--level",
      "1,2",
      "--seed",
      "9",
      "--jobs",
      jobs,
      input,
      out,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /16 image\(s\) written/);
  }
  const [one, three] = outs as [string, string];
  assert.equal(
    await Deno.readTextFile(`${three}/manifest.csv`),
    (await Deno.readTextFile(`${one}/manifest.csv`)).replaceAll(one, three),
  );
  for (const id of ["gaussian_noise", "reduce_contrast"]) {
    for (const level of [1, 2]) {
      for (const [k, name] of names.entries()) {
        const rel = `${id}/L${level}/${k % 2 ? "sub/" : ""}${name}.png`;
        assert.deepEqual(
          await Deno.readFile(`${three}/${rel}`),
          await Deno.readFile(`${one}/${rel}`),
          rel,
        );
      }
    }
  }
  // A corrupt file stops the batch: exit 2, one line naming it.
  await Deno.writeTextFile(`${input}/sub/broken.png`, "not a png");
  const bad = await run(
    "--type",
    "gaussian_blur",
    "--level",
    "1",
    "--jobs",
    "2",
    input,
    await Deno.makeTempDir(),
  );
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /broken\.png/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /);
  const zero = await run(
    "--type",
    "gaussian_blur",
    "--level",
    "1",
    "--jobs",
    "0",
    input,
    one,
  );
  assert.equal(zero.code, 2);
  assert.match(
    zero.stderr,
    /"--jobs" must be a positive integer or auto, got 0/,
  );
  for (const d of [input, ...outs]) await Deno.remove(d, { recursive: true });
});

Deno.test("degrade CLI: --type all --modality runs exactly the ids valid for the modality", async () => {
  const dir = await Deno.makeTempDir();
  const r = await run(
    "--type",
    "all",
    "--modality",
    "Histopathology",
    "--level",
    "1",
    `${SAMPLES}/histopathology.png`,
    dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const ids = (await Deno.readTextFile(`${dir}/manifest.csv`)).trim()
    .split("\n").slice(1).map((line) => line.split(",")[2]);
  const want = degradationsFor("Histopathology");
  assert.deepEqual(ids, want);
  assert.ok(ids.includes("bubble_artifact") && !ids.includes("sparse_view"));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("degrade CLI: bad input exits 2 with a one-line message and no stack", async () => {
  const cases: [string[], RegExp][] = [
    [
      ["--type", "blur", "--level", "1", "a.png", "b.png"],
      /Unknown degradation "blur"/,
    ],
    [
      ["--type", "gaussian_blur", "--level", "3", "a.png", "b.png"],
      /"--level" must be 1, 2 or 1,2, got "3"$/m,
    ],
    [
      ["--type", "gaussian_blur", "--level", "0", "a.png", "b.png"],
      /got "0" \(0 is the clean image/,
    ],
    [
      ["--type", "sparse_view", "--modality", "MRI", "--level", "1", "a", "b"],
      /"sparse_view" does not apply to MRI: it is CT-only/,
    ],
    [
      ["--type", "all", "--modality", "PET", "--level", "1", "a", "b"],
      /Unknown modality "PET": expected one of CT, MRI/,
    ],
    [
      ["--type", "gaussian_blur", "--level", "1", "missing.png", "b.png"],
      /Cannot read input "missing.png"/,
    ],
    [[
      "--type",
      "gaussian_blur",
      "--level",
      "1",
      `${SAMPLES}/ct_phantom.png`,
      "/tmp/x.gif",
    ], /\.gif/],
    [["--colour"], /Unknown option "--colour"/],
  ];
  for (const [args, pattern] of cases) {
    const r = await run(...args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.stderr, pattern);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

Deno.test("degrade --list names ids, modalities and parameter ranges; manifest quotes JSON", () => {
  const text = listText();
  assert.match(
    text,
    /gaussian_blur {2}\[RB: Resolution and blur; modality: any\]/,
  );
  assert.match(text, /sigma in \[0, 100\] pixels/);
  assert.match(text, /bubble_artifact .*modality: Histopathology/);
  // What each level draws: fixed presets, and seeded draws marked as such.
  assert.match(text, /\n {4}L2: offset=-0\.4431\n/);
  assert.match(text, /\n {4}L1 \(varies with the seed; seed 0\): angle=/);
  assert.equal(text.match(/\n {4}L[12]\b/g)?.length, 2 * 19);
  const csv = manifestCsv([{
    input: "a,b.png",
    output: "o.png",
    id: "gaussian_blur",
    level: 1,
    seed: 0,
    params: { sigma: 3 },
    bitDepth: 8,
  }]);
  assert.equal(
    csv.split("\n")[1],
    '"a,b.png",o.png,gaussian_blur,1,0,"{""sigma"":3}"',
  );
});

Deno.test("docs/degradations.md is listMarkdown(), formatted", async () => {
  const fmt = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext", "md", "-"],
    stdin: "piped",
    stdout: "piped",
  }).spawn();
  const writer = fmt.stdin.getWriter();
  await writer.write(new TextEncoder().encode(listMarkdown()));
  await writer.close();
  const want = new TextDecoder().decode((await fmt.output()).stdout);
  const doc = await Deno.readTextFile(
    new URL("../../docs/degradations.md", import.meta.url),
  );
  assert.equal(
    doc,
    want,
    "docs/degradations.md is stale: deno task degrade --list --markdown | deno fmt --ext md - > docs/degradations.md",
  );
  assert.match(doc, /## random_motion_artifact/);
});

Deno.test("degrade CLI --replay: an output's record on its input gives the same bytes; a folder gets a manifest; conflicting options refused", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const first = await run(
      "--type",
      "bias_field_artifact",
      "--level",
      "2",
      "--seed",
      "5",
      `${SAMPLES}/mri_slice.png`,
      `${dir}/a.png`,
    );
    assert.equal(first.code, 0, first.stderr);
    const again = await run(
      "--replay",
      `${dir}/a.png.json`,
      `${SAMPLES}/mri_slice.png`,
      `${dir}/b.png`,
    );
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(
      await Deno.readFile(`${dir}/b.png`),
      await Deno.readFile(`${dir}/a.png`),
    );
    const a = JSON.parse(await Deno.readTextFile(`${dir}/a.png.json`));
    const b = JSON.parse(await Deno.readTextFile(`${dir}/b.png.json`));
    assert.deepEqual(b.params, a.params);
    assert.equal(b.seed, 5);

    await Deno.writeTextFile(
      `${dir}/dark.json`,
      '{"id": "adjust_brightness", "level": 1, "params": {"offset": -0.2}}',
    );
    const folder = await run(
      "--replay",
      `${dir}/dark.json`,
      SAMPLES,
      `${dir}/out`,
    );
    assert.equal(folder.code, 0, folder.stderr);
    const manifest = (await Deno.readTextFile(`${dir}/out/manifest.csv`))
      .trim().split("\n");
    assert.equal(manifest.length, 6); // header + 5 sample images
    assert.ok(
      manifest.slice(1).every((l) => l.endsWith('"{""offset"":-0.2}"')),
    );

    const inline = await run(
      "--replay",
      '{"id": "adjust_brightness", "level": 1, "params": {"offset": -0.2}}',
      `${SAMPLES}/mri_slice.png`,
      `${dir}/inline.png`,
    );
    assert.equal(inline.code, 0, inline.stderr);
    assert.deepEqual(
      await Deno.readFile(`${dir}/inline.png`),
      await Deno.readFile(`${dir}/out/mri_slice.png`),
    );

    const refused = await run(
      "--replay",
      `${dir}/dark.json`,
      "--level",
      "2",
      `${SAMPLES}/mri_slice.png`,
      `${dir}/c.png`,
    );
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--level.*cannot go with "--replay"/);
    const broken = await run(
      "--replay",
      `${SAMPLES}/README.md`,
      `${SAMPLES}/mri_slice.png`,
      `${dir}/c.png`,
    );
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /README\.md: not JSON/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

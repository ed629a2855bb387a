import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { listText, manifestCsv } from "./degrade.ts";

const CLI = fileURLToPath(new URL("./degrade.ts", import.meta.url));
const SAMPLES = fileURLToPath(
  new URL("../../data/sample_images", import.meta.url),
);

async function run(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}

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

Deno.test("degrade CLI: bad input exits 2 with a one-line message and no stack", async () => {
  const cases: [string[], RegExp][] = [
    [
      ["--type", "blur", "--level", "1", "a.png", "b.png"],
      /Unknown degradation "blur"/,
    ],
    [
      ["--type", "gaussian_blur", "--level", "3", "a.png", "b.png"],
      /"--level" must be in \[1, 2\], got 3/,
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

import assert from "node:assert/strict";
import { join } from "node:path";
import sharp from "sharp";
import { reproduce } from "./reproduce.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

async function findChromium(): Promise<string | null> {
  for (
    const p of [
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome",
    ]
  ) {
    try {
      await Deno.stat(p);
      return p;
    } catch { /* try the next */ }
  }
  return null;
}

/** Pixel standard deviation of a PNG (0 for a blank image). */
async function pixelSpread(path: string): Promise<number> {
  const { channels } = await sharp(path).stats();
  return Math.max(...channels.map((c) => c.stdev));
}

Deno.test("reproduce() on any results directory writes tables, figures and a page", async () => {
  const out = await Deno.makeTempDir();
  const s = await reproduce({
    data: { sample: join(ROOT, "data/sample") },
    out,
    tsne: false,
    log: () => {},
  });
  assert.equal(
    s.fidelity.length,
    0,
    "no paper comparison for a user's data by default",
  );
  assert.equal(s.tables.sample.length, 11);
  const svgs = s.figures.filter((f) => f.endsWith(".svg"));
  assert.ok(svgs.length >= 7, `figures: ${svgs.join(", ")}`);
  for (const f of s.figures) {
    const size = (await Deno.stat(f)).size;
    assert.ok(size > 2000, `${f} is only ${size} bytes`);
    if (f.endsWith(".png")) {
      assert.ok((await pixelSpread(f)) > 5, `${f} looks blank`);
    }
  }
  const html = await Deno.readTextFile(s.index);
  assert.equal((html.match(/<figure/g) ?? []).length, svgs.length);
  assert.ok(html.includes('href="sample/tables/overall.csv"'));

  const chromium = await findChromium();
  if (!chromium) {
    console.warn(
      "chromium not installed: the page screenshot check is skipped (scripts/test.ts installs it)",
    );
    return;
  }
  const shot = join(out, "index.png");
  const r = await new Deno.Command("timeout", {
    args: [
      "90",
      chromium,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${await Deno.makeTempDir()}`,
      "--window-size=1280,2000",
      `--screenshot=${shot}`,
      `file://${s.index}`,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
  const meta = await sharp(shot).metadata();
  assert.equal(meta.width, 1280);
  assert.ok((await pixelSpread(shot)) > 20, "the screenshot shows content");
});

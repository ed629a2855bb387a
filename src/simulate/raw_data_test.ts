import assert from "node:assert/strict";
import { join } from "node:path";
import {
  contentSha256,
  ensureRawData,
  parseManifest,
  RAW_DIR,
  RAW_FILES,
} from "./raw_data.ts";

Deno.test("a malformed manifest line is reported with file and line", () => {
  assert.throws(
    () => parseManifest("# ok\nabc  main/items.csv.gz\n", "M.sha256"),
    /M\.sha256:2: malformed manifest line "abc {2}main\/items\.csv\.gz"/,
  );
});

Deno.test("checksums cover the uncompressed content", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/a.csv`, "x,y\n1,2\n");
  const gz = new Blob(["x,y\n1,2\n"]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  await Deno.writeFile(`${dir}/a.csv.gz`, gz);
  assert.equal(
    await contentSha256(`${dir}/a.csv`),
    await contentSha256(`${dir}/a.csv.gz`),
  );
});

Deno.test("ensureRawData names the file whose checksum does not match", async () => {
  const dir = await Deno.makeTempDir();
  let manifest = "";
  for (const f of RAW_FILES) {
    await Deno.mkdir(`${dir}/${f.split("/")[0]}`, { recursive: true });
    const gz = new Blob(["stale"]).stream().pipeThrough(
      new CompressionStream("gzip"),
    );
    await Deno.writeFile(`${dir}/${f}`, gz);
    manifest += `${"0".repeat(64)}  ${f}\n`;
  }
  await Deno.writeTextFile(`${dir}/MANIFEST.sha256`, manifest);
  await assert.rejects(
    () => ensureRawData(dir, { onProgress: () => {} }),
    (e: Error) =>
      e.message.includes(`${dir}/main/items.csv.gz" has sha256`) &&
      e.message.includes(`expected ${"0".repeat(64)}`),
  );
});

Deno.test("ensureRawData reports an unreadable file instead of crashing", async () => {
  const dir = await Deno.makeTempDir();
  for (const f of RAW_FILES) {
    await Deno.mkdir(`${dir}/${f.split("/")[0]}`, { recursive: true });
    await Deno.writeTextFile(`${dir}/${f}`, "not gzip");
  }
  await Deno.writeTextFile(
    `${dir}/MANIFEST.sha256`,
    RAW_FILES.map((f) => `${"1".repeat(64)}  ${f}\n`).join(""),
  );
  await assert.rejects(
    () => ensureRawData(dir, { onProgress: () => {} }),
    /main\/items\.csv\.gz" cannot be read: .*expected a gzip CSV/,
  );
});

Deno.test("the bundled manifest is data/raw/MANIFEST.sha256 (rerun simulate --paper --update-manifest if not)", async () => {
  const { RAW_MANIFEST } = await import("./_manifest.ts");
  const text = await Deno.readTextFile(join(RAW_DIR, "MANIFEST.sha256"));
  assert.equal(RAW_MANIFEST, text);
});

Deno.test("ensureRawData without a manifest beside the data verifies against the bundled one", async () => {
  await ensureRawData(RAW_DIR, { onProgress: () => {} });
  const dir = await Deno.makeTempDir();
  for (const f of RAW_FILES) {
    await Deno.mkdir(join(dir, f.split("/")[0]!), { recursive: true });
    await Deno.copyFile(join(RAW_DIR, f), join(dir, f));
  }
  assert.equal(await ensureRawData(dir, { onProgress: () => {} }), dir);
  // A changed file is still caught, and the message names the bundled manifest.
  await Deno.writeFile(
    join(dir, "realworld/models.csv.gz"),
    new Blob(["x"]).stream().pipeThrough(new CompressionStream("gzip")),
  );
  await assert.rejects(
    () => ensureRawData(dir, { onProgress: () => {} }),
    /realworld\/models\.csv\.gz" has sha256 .* from the bundled MANIFEST/,
  );
  await Deno.remove(dir, { recursive: true });
});

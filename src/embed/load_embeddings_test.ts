import assert from "node:assert/strict";
import { ResultsError } from "../results/problems.ts";
import { loadEmbeddings } from "./load_embeddings.ts";

async function temp(suffix: string, text: string): Promise<string> {
  const path = await Deno.makeTempFile({ suffix });
  await Deno.writeTextFile(path, text);
  return path;
}

async function problemsOf(path: string) {
  try {
    await loadEmbeddings(path);
  } catch (e) {
    assert.ok(e instanceof ResultsError, String(e));
    return e.problems;
  }
  assert.fail("expected a ResultsError");
}

Deno.test("loadEmbeddings() reads a CSV with f0..fN columns and an optional source", async () => {
  const path = await temp(
    ".csv",
    "image_id,modality,degradation,severity,source,f0,f1,f2\n" +
      "a,CT,sparse_view,2,,1,2,3\n" +
      "b,CT,sparse_view,1,real,-1e-3,0,4.5\n" +
      "c,MRI,real,0,,0,0,0\n",
  );
  const set = await loadEmbeddings(path);
  assert.equal(set.n, 3);
  assert.equal(set.dims, 3);
  assert.deepEqual(set.names, ["f0", "f1", "f2"]);
  assert.deepEqual(set.source, ["simulated", "real", "real"]);
  assert.deepEqual(set.severity, [2, 1, 0]);
  assert.deepEqual(Array.from(set.vectors[1]), [-1e-3, 0, 4.5]);
});

Deno.test("loadEmbeddings() reads JSONL with a vector array", async () => {
  const path = await temp(
    ".jsonl",
    '{"image_id":"x","modality":"X-ray","degradation":"xray_motion_blur_artifact","severity":1,"vector":[0.5,2]}\n' +
      '{"image_id":"y","modality":"X-ray","degradation":"none","severity":0,"vector":[1,1]}\n',
  );
  const set = await loadEmbeddings(path);
  assert.deepEqual(set.imageId, ["x", "y"]);
  assert.deepEqual(set.degradation, ["xray_motion_blur_artifact", "none"]);
  assert.deepEqual(Array.from(set.vectors[0]), [0.5, 2]);
});

Deno.test("loadEmbeddings() reports every bad CSV row with line, column and value", async () => {
  const path = await temp(
    ".csv",
    "image_id,modality,degradation,severity,f0,f1\n" +
      "a,CT,low_dose,1,1,2\n" +
      "b,Xray,low_dose,1,1,2\n" +
      "c,MRI,low_dose,1,1,NaN\n" +
      "a,CT,none,2,1,\n",
  );
  const p = await problemsOf(path);
  const brief = p.map((x) => `${x.line}:${x.column}:${x.value}:${x.code}`);
  assert.deepEqual(brief, [
    "3:modality:Xray:bad_enum",
    "4:degradation:low_dose:bad_enum",
    "4:f1:NaN:bad_number",
    "5:image_id:a:duplicate",
    "5:severity:2:bad_value",
    "5:f1::bad_number",
  ]);
  assert.match(p[3].expected, /also on line 2/);
  assert.match(p[1].expected, /valid for MRI/);
});

Deno.test("loadEmbeddings() rejects unequal JSONL vectors and bad headers", async () => {
  const jsonl = await temp(
    ".jsonl",
    '{"image_id":"x","modality":"CT","degradation":"none","severity":0,"vector":[1,2]}\n' +
      '{"image_id":"y","modality":"CT","degradation":"none","severity":0,"vector":[1]}\n' +
      '{"image_id":"z","modality":"CT","degradation":"none","severity":0,"vector":"1,2"}\n' +
      "not json\n",
  );
  const p = await problemsOf(jsonl);
  assert.deepEqual(p.map((x) => [x.line, x.code]), [
    [3, "bad_vector"],
    [4, "bad_json"],
  ]);
  const jsonl2 = await temp(
    ".jsonl",
    '{"image_id":"x","modality":"CT","degradation":"none","severity":0,"vector":[1,2]}\n' +
      '{"image_id":"y","modality":"CT","degradation":"none","severity":0,"vector":[1]}\n',
  );
  const p2 = await problemsOf(jsonl2);
  assert.deepEqual(p2.map((x) => [x.line, x.column, x.code, x.value]), [
    [2, "vector", "bad_length", "1 values"],
  ]);
  const csv = await temp(".csv", "image_id,modality,severity,f1\nx,CT,0,1\n");
  const p3 = await problemsOf(csv);
  assert.deepEqual(p3.map((x) => [x.code, x.column]), [
    ["missing_column", "degradation"],
    ["bad_vector_columns", "f1"],
  ]);
});

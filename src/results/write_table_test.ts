import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { tableKind, writeTable } from "./write_table.ts";

async function tmp(suffix: string): Promise<string> {
  return await Deno.makeTempFile({ suffix });
}

Deno.test("writeTable() quotes CSV fields per RFC 4180", async () => {
  const path = await tmp(".csv");
  await writeTable(path, ["a", "b"], [
    ['say "hi"', "x,y"],
    ["line\nbreak", 3],
    [null, "plain"],
  ]);
  assert.equal(
    await Deno.readTextFile(path),
    'a,b\n"say ""hi""","x,y"\n"line\nbreak",3\n,plain\n',
  );
});

Deno.test("writeTable() writes TSV quoting only tabs, quotes and breaks", async () => {
  const path = await tmp(".tsv");
  await writeTable(path, ["a", "b"], [["x,y", "t\tu"]]);
  assert.equal(await Deno.readTextFile(path), 'a\tb\nx,y\t"t\tu"\n');
});

Deno.test("writeTable() writes JSONL with null and real arrays", async () => {
  const path = await tmp(".jsonl");
  await writeTable(path, ["id", "n", "options"], [
    ["i1", 2, ["yes", "no"]],
    ["i2", null, null],
  ]);
  assert.equal(
    await Deno.readTextFile(path),
    '{"id":"i1","n":2,"options":["yes","no"]}\n' +
      '{"id":"i2","n":null,"options":null}\n',
  );
});

Deno.test("writeTable() accepts column arrays and row functions", async () => {
  const path = await tmp(".csv");
  await writeTable(path, ["i", "sq"], {
    length: 3,
    columns: [new Uint8Array([1, 2, 3]), (r) => r * r],
  });
  assert.equal(await Deno.readTextFile(path), "i,sq\n1,0\n2,1\n3,4\n");
});

Deno.test("writeTable() gzips when the path ends in .gz", async () => {
  const path = await tmp(".csv.gz");
  const rows = Array.from({ length: 40000 }, (_, i) => [`r${i}`, i]);
  await writeTable(path, ["id", "v"], rows);
  const text = new TextDecoder().decode(gunzipSync(await Deno.readFile(path)));
  const lines = text.split("\n");
  assert.equal(lines.length, 40002);
  assert.equal(lines[0], "id,v");
  assert.equal(lines[40000], "r39999,39999");
});

Deno.test("writeTable() rejects bad shapes and values", async () => {
  const path = await tmp(".csv");
  await assert.rejects(
    () => writeTable(path, ["a", "b"], [["only one"]]),
    RangeError,
  );
  await assert.rejects(() => writeTable(path, ["a"], [[NaN]]), RangeError);
  await assert.rejects(() => writeTable(path, ["a", "a"], []), TypeError);
  assert.throws(() => tableKind("x.txt"), TypeError);
});

Deno.test("writeTable() quotes a lone empty cell so the line is not blank", async () => {
  const path = await tmp(".csv");
  await writeTable(path, ["only"], [[""], [null], ["x"]]);
  assert.equal(await Deno.readTextFile(path), 'only\n""\n""\nx\n');
});

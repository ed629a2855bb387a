import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { readTable } from "./read_table.ts";
import { ResultsError } from "./problems.ts";
import { writeTable } from "./write_table.ts";

async function file(suffix: string, content: string | Uint8Array) {
  const path = await Deno.makeTempFile({ suffix });
  if (typeof content === "string") await Deno.writeTextFile(path, content);
  else await Deno.writeFile(path, content);
  return path;
}

async function problemsOf(path: string) {
  try {
    await readTable(path);
  } catch (e) {
    assert.ok(e instanceof ResultsError);
    return e.problems.map((p) => ({
      code: p.code,
      line: p.line,
      column: p.column,
      value: p.value,
    }));
  }
  assert.fail("expected a ResultsError");
}

Deno.test("readTable() reports the physical start line of records after multi-line fields", async () => {
  const path = await file(
    ".csv",
    'id,text\na,"one\ntwo\nthree"\nb,"say ""hi"""\nc,plain\n',
  );
  const t = await readTable(path);
  assert.deepEqual(t.columns, ["id", "text"]);
  assert.deepEqual(t.values.text, ["one\ntwo\nthree", 'say "hi"', "plain"]);
  assert.deepEqual([...t.lines], [2, 5, 6]);
});

Deno.test("readTable() tolerates a BOM, CRLF and a missing final newline", async () => {
  const path = await file(".csv", '\uFEFFid,v\r\na,"x\r\ny"\r\nb,2');
  const t = await readTable(path);
  assert.deepEqual(t.columns, ["id", "v"]);
  assert.deepEqual(t.values.v, ["x\r\ny", "2"]);
  assert.deepEqual(t.values.id, ["a", "b"]);
  assert.deepEqual([...t.lines], [2, 4]);
});

Deno.test("readTable() keeps spaces and reads empty cells as empty strings", async () => {
  const t = await readTable(await file(".csv", "a,b,c\n C ,,\n"));
  assert.deepEqual([t.values.a[0], t.values.b[0], t.values.c[0]], [
    " C ",
    "",
    "",
  ]);
});

Deno.test("readTable() reads TSV with quoting and non-ASCII text", async () => {
  const t = await readTable(
    await file(".tsv", 'id\tnote\nü\t"a\tb"\nx\tÉcho, très long texte ici\n'),
  );
  assert.deepEqual(t.values.id, ["ü", "x"]);
  assert.deepEqual(t.values.note, ["a\tb", "Écho, très long texte ici"]);
});

Deno.test("readTable() reads gzip-compressed CSV", async () => {
  const path = await file(".csv.gz", gzipSync("id,v\na,1\nb,2\n"));
  const t = await readTable(path);
  assert.deepEqual(t.values.v, ["1", "2"]);
});

Deno.test("readTable() reads JSONL: numbers as text, null as empty, options as JSON", async () => {
  const path = await file(
    ".jsonl",
    '{"id":"a","n":1,"options":["x","y"]}\n{"id":"b","n":null,"extra":2.5}\n',
  );
  const t = await readTable(path);
  assert.deepEqual(t.columns, ["id", "n", "options", "extra"]);
  assert.deepEqual(t.values.n, ["1", ""]);
  assert.deepEqual(t.values.options, ['["x","y"]', ""]);
  assert.deepEqual(t.values.extra, ["", "2.5"]);
});

Deno.test("readTable() rejects JSONL with bad values, bad JSON and blank lines", async () => {
  const path = await file(
    ".jsonl",
    '{"id":"a","ok":true}\n\n{"id":\n["not an object"]\n{"options":[1]}\n',
  );
  assert.deepEqual(await problemsOf(path), [
    { code: "blank_line", line: 2, column: "", value: "" },
    { code: "bad_json", line: 3, column: "", value: '{"id":' },
    { code: "bad_value", line: 1, column: "ok", value: "true" },
    { code: "bad_record", line: 4, column: "", value: '["not an object"]' },
    { code: "bad_value", line: 5, column: "options", value: "[1]" },
  ]);
});

Deno.test("readTable() rejects blank lines, bad quotes and wrong field counts with lines", async () => {
  const path = await file(
    ".csv",
    'id,v\na,1\n\nb,x"y\nc,"q"z\nd,1,2\ne,"multi\nline",3\nf,ok\n',
  );
  assert.deepEqual(await problemsOf(path), [
    { code: "blank_line", line: 3, column: "", value: "" },
    { code: "bare_quote", line: 4, column: "v", value: 'x"' },
    { code: "bad_quote", line: 5, column: "v", value: '"q"z' },
    { code: "field_count", line: 6, column: "", value: "3 fields" },
    { code: "field_count", line: 7, column: "", value: "3 fields" },
  ]);
});

Deno.test("readTable() reports an unclosed quote at the line where it opens", async () => {
  const path = await file(".csv", 'id,v\na,1\nb,"open\nc,2\n');
  assert.deepEqual(await problemsOf(path), [
    { code: "unclosed_quote", line: 3, column: "v", value: "" },
  ]);
});

Deno.test("readTable() rejects empty files, duplicate headers and invalid UTF-8", async () => {
  assert.equal(
    (await problemsOf(await file(".csv", "")))[0].code,
    "empty_file",
  );
  assert.equal(
    (await problemsOf(await file(".csv", "a,a\n1,2\n")))[0].code,
    "duplicate_column",
  );
  const bad = new Uint8Array([...new TextEncoder().encode("a\n"), 0xff, 10]);
  assert.equal((await problemsOf(await file(".csv", bad)))[0].code, "bad_utf8");
});

Deno.test("readTable() reads back what writeTable() wrote, in every format", async () => {
  const rows = [
    ["a", 'q"uote', "x,y\nz"],
    ["", "\t", "  "],
    ["é", "1", '["A"]'],
  ];
  for (const suffix of [".csv", ".tsv", ".jsonl", ".csv.gz", ".tsv.gz"]) {
    const path = await Deno.makeTempFile({ suffix });
    await writeTable(path, ["p", "q", "r"], rows);
    const t = await readTable(path);
    assert.deepEqual(t.values.p, rows.map((r) => r[0]), suffix);
    assert.deepEqual(t.values.q, rows.map((r) => r[1]), suffix);
    assert.deepEqual(t.values.r, rows.map((r) => r[2]), suffix);
  }
});

Deno.test("readTable() reads back any strings writeTable() wrote, with physical lines (property)", async () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom("", '"', ",", "\t", "\n", "\r\n", "\r", " x ", "é", 'a"b'),
    fc.array(fc.constantFrom("a", '"', ",", "\n", "\t", "\r", "ü"), {
      maxLength: 6,
    }).map((a) => a.join("")),
  );
  const width = fc.integer({ min: 1, max: 3 });
  await fc.assert(
    fc.asyncProperty(
      width.chain((w) =>
        fc.tuple(
          fc.constant(w),
          fc.array(fc.array(cell, { minLength: w, maxLength: w }), {
            maxLength: 6,
          }),
          fc.constantFrom(".csv", ".tsv", ".jsonl", ".csv.gz"),
        )
      ),
      async ([w, rows, suffix]) => {
        const columns = Array.from({ length: w }, (_, i) => `c${i}`);
        const path = await Deno.makeTempFile({ suffix });
        await writeTable(path, columns, rows);
        if (rows.length === 0 && suffix === ".jsonl") return; // empty JSONL is rejected
        const t = await readTable(path);
        await Deno.remove(path);
        assert.equal(t.n, rows.length);
        columns.forEach((c, i) =>
          assert.deepEqual(t.values[c], rows.map((r) => r[i]))
        );
        if (suffix === ".jsonl") {
          assert.deepEqual([...t.lines], rows.map((_, i) => i + 1));
        } else {
          let line = 2;
          rows.forEach((r, i) => {
            assert.equal(t.lines[i], line);
            line += 1 + r.join("").split("\n").length - 1;
          });
        }
      },
    ),
    { numRuns: 150 },
  );
});

Deno.test("readTable() wants JSONL options as a real array, not JSON text", async () => {
  const path = await file(
    ".jsonl",
    '{"id":"a","options":["x"]}\n{"id":"b","options":"[\\"x\\"]"}\n{"id":"c","options":null}\n',
  );
  assert.deepEqual(await problemsOf(path), [
    { code: "bad_value", line: 2, column: "options", value: '"[\\"x\\"]"' },
  ]);
});

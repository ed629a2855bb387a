import assert from "node:assert/strict";
import { progress } from "./_progress.ts";

Deno.test("progress prints a line per decile off a terminal", () => {
  const out: string[] = [];
  const p = progress("job", 20, { tty: false, write: (t) => out.push(t) });
  for (let i = 0; i < 20; i++) p.tick();
  p.done();
  assert.equal(out.length, 11);
  assert.equal(out[0], "job: 1/20 (5%)\n");
  assert.equal(out.at(-1), "job: 20/20 (100%)\n");
});

Deno.test("progress draws a bar on a terminal and ends with a newline", () => {
  const out: string[] = [];
  const p = progress("job", 2, { tty: true, write: (t) => out.push(t) });
  p.tick(2);
  p.done();
  assert.match(out.join(""), /\rjob \[#{30}\] 2\/2 100%\n$/);
});

Deno.test("progress of zero units reports once; bad totals are rejected", () => {
  const out: string[] = [];
  progress("none", 0, { tty: false, write: (t) => out.push(t) }).done();
  assert.deepEqual(out, ["none: 0/0 (100%)\n"]);
  assert.throws(() => progress("x", -1), RangeError);
});

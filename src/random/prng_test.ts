import { createPrng } from "./prng.ts";

function assert(cond: boolean, msg: string): void {
  if (!cond) throw new Error(msg);
}

Deno.test("createPrng() gives the same sequence for the same seed", () => {
  const a = createPrng(7), b = createPrng(7), c = createPrng(8);
  const sa = Array.from({ length: 5 }, () => a.next());
  const sb = Array.from({ length: 5 }, () => b.next());
  const sc = Array.from({ length: 5 }, () => c.next());
  assert(JSON.stringify(sa) === JSON.stringify(sb), "same seed differs");
  assert(JSON.stringify(sa) !== JSON.stringify(sc), "different seeds agree");
});

Deno.test("createPrng() draws uniform floats, ints in range and unit normals", () => {
  const p = createPrng(1);
  let sum = 0, sq = 0, nsum = 0, nsq = 0;
  const N = 100_000;
  for (let i = 0; i < N; i++) {
    const u = p.next();
    assert(u >= 0 && u < 1, `out of range ${u}`);
    sum += u;
    sq += u * u;
    const k = p.int(6);
    assert(Number.isInteger(k) && k >= 0 && k < 6, `bad int ${k}`);
    const z = p.normal();
    nsum += z;
    nsq += z * z;
  }
  assert(Math.abs(sum / N - 0.5) < 0.01, "mean of uniform");
  assert(Math.abs(sq / N - 1 / 3) < 0.01, "second moment of uniform");
  assert(Math.abs(nsum / N) < 0.02, "mean of normal");
  assert(Math.abs(nsq / N - 1) < 0.02, "variance of normal");
});

Deno.test("createPrng() rejects a non-integer seed", () => {
  let threw = false;
  try {
    createPrng(1.5);
  } catch (e) {
    threw = e instanceof RangeError;
  }
  assert(threw, "expected RangeError");
});

Deno.test("fillUint32() continues the stream next() scales", () => {
  const a = createPrng(11), b = createPrng(11);
  a.next();
  b.next();
  const buf = new Uint32Array(1000);
  a.fillUint32(buf);
  for (let i = 0; i < buf.length; i++) {
    assert(buf[i] / 4294967296 === b.next(), `draw ${i} differs`);
  }
  assert(a.next() === b.next(), "the streams stay in step after a fill");
  assert(a.normal() === b.normal(), "normal() stays in step too");
});

import assert from "node:assert/strict";
import fc from "fast-check";
import { parseChoice } from "./parse_choice.ts";

Deno.test("parseChoice() follows every FORMAT.md example", () => {
  const cases: [string, string | null][] = [
    ["**C**", "C"],
    ["(b)", "B"],
    ["The answer is D.", "D"],
    ["Answer: E", null],
    ["I think B) liver", "B"],
    ["A and B", "A"],
    ["Éa", null],
    ["None of these", null],
    ["", null],
  ];
  for (const [text, want] of cases) assert.equal(parseChoice(text, 4), want);
});

Deno.test("parseChoice() step 1 strips markup and whitespace", () => {
  assert.equal(parseChoice("  ## `B` \n", 4), "B");
  assert.equal(parseChoice("***___###```", 4), null);
  assert.equal(parseChoice(" \t\n ", 4), null);
  assert.equal(parseChoice("**C**.", 4), "C");
});

Deno.test("parseChoice() step 2 takes a lone letter in any case, bracketed or punctuated", () => {
  assert.equal(parseChoice("a", 4), "A");
  assert.equal(parseChoice("C.", 4), "C");
  assert.equal(parseChoice("d:", 4), "D");
  assert.equal(parseChoice("[b]", 4), "B");
  assert.equal(parseChoice("(A).", 4), "A");
  assert.equal(parseChoice("e", 4), null, "out of range does not fall through");
  assert.equal(parseChoice("(E)", 5), "E");
  assert.equal(parseChoice("z", 26), "Z");
});

Deno.test("parseChoice() step 3 reads 'answer is X' with keywords in any case", () => {
  assert.equal(parseChoice("The answer is C.", 4), "C");
  assert.equal(parseChoice("ANSWER IS: (b) or B", 4), "B");
  assert.equal(parseChoice("Final answer - option [D]", 4), "D");
  assert.equal(parseChoice("answer:A", 4), "A");
  assert.equal(parseChoice("My Answer: Option C, not A", 4), "C");
  assert.equal(parseChoice("A is wrong; the answer is E", 4), null);
  assert.equal(parseChoice("The answer is Dermatology, so B", 4), "B");
  assert.equal(parseChoice("The answer is a tricky one: C", 4), "C");
  assert.equal(parseChoice("**Answer:** __c__", 4), null);
});

Deno.test("parseChoice() step 4 takes the first standalone in-range capital", () => {
  assert.equal(parseChoice("I think B) liver", 4), "B");
  assert.equal(parseChoice("Option X or C", 4), "C");
  assert.equal(parseChoice("ABC then D", 4), "D");
  assert.equal(parseChoice("B1 or 2C or Ca, maybe (A)", 4), "A");
  assert.equal(parseChoice("x _C", 4), "C", "step 1 removed the underscore");
  assert.equal(parseChoice("ÉA or AÉ, not ÀB", 4), null);
  assert.equal(parseChoice("the liver", 4), null);
  assert.equal(parseChoice("Both A and B are plausible", 4), "A");
});

Deno.test("parseChoice() validates the number of options", () => {
  assert.throws(() => parseChoice("A", 1), RangeError);
  assert.throws(() => parseChoice("A", 27), RangeError);
  assert.throws(() => parseChoice("A", 2.5), RangeError);
  assert.throws(() => parseChoice("A", NaN), RangeError);
  assert.equal(parseChoice("B", 2), "B");
  assert.equal(parseChoice("C", 2), null);
});

Deno.test("parseChoice() stays linear on megabyte-long hostile texts", () => {
  const mb = 1 << 20;
  assert.equal(parseChoice("answer" + " ".repeat(mb) + "x", 4), null);
  assert.equal(parseChoice("answer is ".repeat(mb / 10), 4), null);
  assert.equal(parseChoice("AAAA".repeat(mb / 4) + " C", 4), "C");
  assert.equal(parseChoice("(".repeat(mb) + "answer (", 4), null);
  assert.equal(parseChoice("é".repeat(mb) + " B", 4), "B");
  assert.equal(parseChoice("answer: option ".repeat(mb / 15) + "D", 4), "D");
});

Deno.test("parseChoice() returns null or an in-range capital (property)", () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 40 }),
      fc.integer({ min: 2, max: 26 }),
      (s, k) => {
        const got = parseChoice(s, k);
        return got === null ||
          (/^[A-Z]$/.test(got) && got.charCodeAt(0) - 65 < k);
      },
    ),
  );
});

Deno.test("parseChoice() ignores markup inserted anywhere (property)", () => {
  const piece = fc.constantFrom(
    "A",
    "b",
    "C",
    " ",
    "answer",
    "is",
    ":",
    "(",
    "é",
    "1",
  );
  const mark = fc.constantFrom("*", "_", "`", "#", "**");
  fc.assert(
    fc.property(
      fc.array(fc.tuple(piece, fc.option(mark)), { maxLength: 12 }),
      fc.integer({ min: 2, max: 26 }),
      (parts, k) => {
        const plain = parts.map(([p]) => p).join("");
        const marked = parts.map(([p, m]) => p + (m ?? "")).join("");
        return parseChoice(plain, k) === parseChoice(marked, k);
      },
    ),
  );
});

Deno.test("parseChoice() answers every in-range lone letter with itself (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 26 }), fc.nat(25), (k, i) => {
      const letter = String.fromCharCode(65 + i);
      return parseChoice(letter, k) === (i < k ? letter : null);
    }),
  );
});

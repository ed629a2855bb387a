import assert from "node:assert/strict";
import {
  assertPromptTemplate,
  buildPrompt,
  DEFAULT_PROMPT_TEMPLATE,
} from "./prompt.ts";

Deno.test("buildPrompt() lists lettered options and the letter range", () => {
  const p = buildPrompt("Which organ?", ["Liver", "Spleen", "Kidney"]);
  assert.equal(
    p,
    "Which organ?\n\nOptions:\nA. Liver\nB. Spleen\nC. Kidney\n\n" +
      "Answer with the letter of the correct option (A, B or C) only.",
  );
});

Deno.test("buildPrompt() leaves placeholder-like text in the question alone", () => {
  const p = buildPrompt(
    "What is {options}?",
    ["x", "y"],
    "{question}|{options}",
  );
  assert.equal(p, "What is {options}?|A. x\nB. y");
});

Deno.test("buildPrompt() rejects fewer than 2 or more than 26 options", () => {
  assert.throws(() => buildPrompt("q", ["a"]), RangeError);
  assert.throws(() => buildPrompt("q", Array(27).fill("o")), RangeError);
  assert.ok(buildPrompt("q", Array(26).fill("o")).includes("Z. o"));
});

Deno.test("assertPromptTemplate() requires {question} and {options}", () => {
  assertPromptTemplate(DEFAULT_PROMPT_TEMPLATE);
  assert.throws(() => assertPromptTemplate("{question} only"), /\{options\}/);
  assert.throws(() => assertPromptTemplate("{options} only"), /\{question\}/);
});

import assert from "node:assert/strict";
import { ResultsError } from "../problems.ts";

/** [code, line, column, value] of every problem loading a file. */
export async function problemsOf(
  load: () => Promise<unknown>,
): Promise<[string, number, string, string][]> {
  try {
    await load();
  } catch (e) {
    assert.ok(e instanceof ResultsError, String(e));
    return e.problems.map((p) => [p.code, p.line, p.column, p.value]);
  }
  assert.fail("expected a ResultsError");
}

import assert from "node:assert/strict";
import { loadShipped } from "./shipped.ts";

Deno.test("loadShipped: rejects an unknown set before touching the data", async () => {
  // deno-lint-ignore no-explicit-any
  await assert.rejects(() => loadShipped("nope" as any), /"nope".*"main"/);
});

import assert from "node:assert/strict";
import { requestChatCompletion } from "./client.ts";
import { type Fault, startFakeServer } from "./testdata/fake_server.ts";

const base = {
  model: "m",
  temperature: 1,
  prompt: "Question about x?\n\nOptions:\nA. a\nB. b\n\nAnswer.",
  imageDataUrl: "data:image/png;base64,AA==",
  timeoutMs: 5000,
  apiKey: "sk-client-SECRET",
};

Deno.test("requestChatCompletion() classifies each server behaviour", async (t) => {
  const server = startFakeServer({ retryAfter: "7" });
  const req = { ...base, endpoint: server.url + "/" };
  try {
    await t.step("a normal answer is ok, with tokens", async () => {
      const r = await requestChatCompletion(req);
      assert.equal(r.kind, "ok");
      if (r.kind !== "ok") return;
      assert.ok(r.response.length > 0);
      assert.equal(r.promptTokens, 102);
      assert.equal(server.authHeaders.at(-1), "Bearer sk-client-SECRET");
    });
    const cases: [Fault, RegExp][] = [
      ["500", /^HTTP 500/],
      ["429", /^HTTP 429/],
      ["hang", /timed out after 300 ms/],
      ["malformed", /malformed body \(not JSON\)/],
      ["close", /network error/],
    ];
    for (const [fault, pattern] of cases) {
      await t.step(`${fault} is retryable`, async () => {
        server.queue.push(fault);
        // Only the hang needs a short timeout; a loaded CI machine may answer slowly.
        const r = await requestChatCompletion(
          fault === "hang" ? { ...req, timeoutMs: 300 } : req,
        );
        assert.equal(r.kind, "retry");
        if (r.kind !== "retry") return;
        assert.match(r.error, pattern);
        assert.ok(!r.error.includes("sk-client-SECRET"), r.error);
        assert.equal(r.retryAfterMs, fault === "429" ? 7000 : null);
      });
    }
    await t.step("the key echoed in an error body is redacted", async () => {
      server.queue.push("500");
      const r = await requestChatCompletion(req);
      assert.ok(r.kind === "retry" && r.error.includes("Bearer [REDACTED]"));
    });
    await t.step("401 is fatal and 400 a final failure", async () => {
      server.queue.push("401", "400");
      assert.equal((await requestChatCompletion(req)).kind, "fatal");
      assert.equal((await requestChatCompletion(req)).kind, "fail");
    });
    await t.step("an aborted run rejects instead of retrying", async () => {
      server.queue.push("hang");
      const c = new AbortController();
      const p = requestChatCompletion({
        ...req,
        timeoutMs: 10_000,
        signal: c.signal,
      });
      setTimeout(() => c.abort(new Error("stopped")), 20);
      await assert.rejects(p, /stopped/);
    });
  } finally {
    await server.close();
  }
});

import assert from "node:assert/strict";
import { acquireRunLock } from "./run_lock.ts";

Deno.test("acquireRunLock: one holder; the second is told who holds it; release frees it", async () => {
  const path = `${await Deno.makeTempDir()}/j.jsonl.lock`;
  const release = await acquireRunLock(path, "j.jsonl");
  const info = JSON.parse(await Deno.readTextFile(path));
  assert.equal(info.pid, Deno.pid);
  await assert.rejects(
    () => acquireRunLock(path, "j.jsonl"),
    (e: Error) =>
      e.message.startsWith("Cannot write j.jsonl: the lock") &&
      e.message.includes(`held by process ${Deno.pid}`) &&
      e.message.includes(`delete ${path}`),
  );
  await release();
  await release(); // twice is fine
  await assert.rejects(() => Deno.stat(path), Deno.errors.NotFound);
  (await acquireRunLock(path, "j.jsonl"))();
});

Deno.test({
  name:
    "acquireRunLock takes over a lock whose process is gone (e.g. after SIGKILL)",
  ignore: Deno.build.os !== "linux",
  fn: async () => {
    const path = `${await Deno.makeTempDir()}/j.jsonl.lock`;
    const child = new Deno.Command(Deno.execPath(), {
      args: ["eval", "0"],
    }).spawn();
    await child.status;
    await Deno.writeTextFile(
      path,
      JSON.stringify({
        pid: child.pid,
        hostname: Deno.hostname(),
        started: "2026-01-01T00:00:00.000Z",
      }),
    );
    const release = await acquireRunLock(path, "j.jsonl");
    assert.equal(JSON.parse(await Deno.readTextFile(path)).pid, Deno.pid);
    await release();
  },
});

Deno.test("acquireRunLock treats an unreadable lock file as held", async () => {
  const path = `${await Deno.makeTempDir()}/j.jsonl.lock`;
  await Deno.writeTextFile(path, "{half");
  await assert.rejects(
    () => acquireRunLock(path, "j.jsonl"),
    /held by an unknown process/,
  );
});

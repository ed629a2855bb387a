/**
 * One writer per journal: a lock file beside it, created exclusively, that
 * names the process holding it. A lock left by a process that no longer
 * runs (e.g. after SIGKILL) is taken over, so resuming still works.
 *
 * @module
 */

/** What a lock file records. */
interface LockInfo {
  pid: number;
  hostname: string;
  started: string;
}

function hostname(): string {
  try {
    return Deno.hostname();
  } catch {
    return "";
  }
}

/** Whether the process that wrote a lock may still run. */
function mayRun(info: LockInfo): boolean {
  if (info.hostname !== hostname()) return true; // another machine: cannot tell
  if (info.pid === Deno.pid) return true;
  if (Deno.build.os !== "linux") return true; // no cheap check: assume it runs
  try {
    Deno.statSync(`/proc/${info.pid}`);
    return true;
  } catch (error) {
    return !(error instanceof Deno.errors.NotFound);
  }
}

/**
 * Take the lock at `path` for this process, or throw an error naming the
 * process that holds it. Returns the function that releases it.
 *
 * @param path The lock file (e.g. `<journal>.lock`).
 * @param what What the lock protects, for the message.
 * @returns Release (removes the lock file; safe to call twice).
 * @throws {Error} If a running process holds the lock.
 *
 * @example Usage
 * ```ts
 * import { acquireRunLock } from "./run_lock.ts";
 * const path = (await Deno.makeTempDir()) + "/j.lock";
 * const release = await acquireRunLock(path, "the journal");
 * await acquireRunLock(path, "the journal").catch((e) => console.assert(/held/.test(e.message)));
 * await release();
 * ```
 */
export async function acquireRunLock(
  path: string,
  what: string,
): Promise<() => Promise<void>> {
  const info: LockInfo = {
    pid: Deno.pid,
    hostname: hostname(),
    started: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await Deno.writeTextFile(path, JSON.stringify(info) + "\n", {
        createNew: true,
      });
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        await Deno.remove(path).catch(() => {});
      };
    } catch (error) {
      if (!(error instanceof Deno.errors.AlreadyExists)) throw error;
    }
    let held: LockInfo | null = null;
    try {
      held = JSON.parse(await Deno.readTextFile(path)) as LockInfo;
    } catch {
      held = null; // unreadable or half-written: treat as held, say so below
    }
    if (held && typeof held.pid === "number" && !mayRun(held)) {
      await Deno.remove(path).catch(() => {}); // stale: its process is gone
      continue;
    }
    const who = held
      ? `process ${held.pid}${
        held.hostname ? ` on ${held.hostname}` : ""
      }, started ${held.started}`
      : "an unknown process";
    throw new Error(
      `Cannot write ${what}: the lock ${path} is held by ${who}. Two runs must not write the same --out; wait for that run to finish, or delete ${path} if it is no longer running`,
    );
  }
  throw new Error(`Cannot take the lock ${path}: it keeps reappearing`);
}

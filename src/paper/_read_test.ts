/**
 * The paper loaders as a remote (JSR) user gets them: in a child Deno with no
 * permissions at all, and importing the library over http from a loopback
 * server that serves src/ only (so there is no data/paper/ to read).
 */
import assert from "node:assert/strict";
import { PAPER_DIR } from "./_read.ts";
import { paperNumbers } from "./numbers.ts";

const ROOT = new URL("../../", import.meta.url);

/** What the probe prints: the disk-read attempt and every loaded number. */
interface ProbeOutput {
  diskRead: string;
  numbers: Record<string, unknown[]>;
}

/** Run a probe importing `modUrl` (src/paper/mod.ts) in a child Deno. */
async function probe(
  modUrl: string,
  flags: string[],
  env: Record<string, string> = {},
): Promise<ProbeOutput> {
  const dir = await Deno.makeTempDir();
  try {
    const script = `${dir}/probe.ts`;
    await Deno.writeTextFile(
      script,
      `import { paperNumbers } from ${JSON.stringify(modUrl)};
let diskRead = "ok";
try {
  Deno.readTextFileSync(new URL("../../data/paper/table6_overall.csv", ${
        JSON.stringify(modUrl)
      }));
} catch (e) {
  diskRead = "failed: " + (e as Error).name;
}
console.log(JSON.stringify({ diskRead, numbers: paperNumbers() }));
`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--no-prompt",
        "--no-config",
        "--no-lock",
        "--quiet",
        ...flags,
        script,
      ],
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const dec = new TextDecoder();
    assert.equal(out.code, 0, dec.decode(out.stderr));
    return JSON.parse(dec.decode(out.stdout));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function checkNumbers(got: ProbeOutput["numbers"]): void {
  assert.equal(got.table1.length, 7);
  assert.equal(got.table2.length, 287);
  assert.equal(got.table3.length, 246);
  assert.equal(got.table6.length, 40);
  assert.equal(got.models.length, 40);
  // Everything equals what the loaders read from the CSVs on disk.
  assert.deepEqual(got, JSON.parse(JSON.stringify(paperNumbers(PAPER_DIR))));
}

Deno.test("paperNumbers() works in a process with no permissions at all", async () => {
  const mod = new URL("src/paper/mod.ts", ROOT).href;
  const got = await probe(mod, []);
  assert.match(got.diskRead, /^failed: /, "the probe cannot read data/paper/");
  checkNumbers(got.numbers);
});

Deno.test("paperNumbers() works when the library is imported over http (as from JSR)", async () => {
  const served: string[] = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (req) => {
      const path = new URL(req.url).pathname;
      served.push(path);
      // Only the library's TypeScript: data/paper/ is not reachable.
      if (!/^\/src\/[\w/.-]+\.ts$/.test(path) || path.includes("..")) {
        return new Response("not found", { status: 404 });
      }
      try {
        const body = await Deno.readTextFile(new URL(`.${path}`, ROOT));
        return new Response(body, {
          headers: { "content-type": "application/typescript" },
        });
      } catch {
        return new Response("not found", { status: 404 });
      }
    },
  );
  const cache = await Deno.makeTempDir();
  try {
    const host = `127.0.0.1:${server.addr.port}`;
    const got = await probe(
      `http://${host}/src/paper/mod.ts`,
      [`--allow-import=${host}`],
      { DENO_DIR: cache },
    );
    assert.match(got.diskRead, /^failed: /);
    checkNumbers(got.numbers);
    assert.ok(served.includes("/src/paper/_bundled.ts"));
    assert.ok(!served.some((p) => p.startsWith("/data/")), served.join(" "));
  } finally {
    await server.shutdown();
    await Deno.remove(cache, { recursive: true });
  }
});

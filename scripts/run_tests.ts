/**
 * The test command (`deno task test`; not named test.ts, which `deno test` would load as a test module): on a fresh machine it installs what
 * the suite needs (Jupyter and the Python cross-check packages from Debian,
 * the Deno Jupyter kernel), then runs the unit tests and every JSDoc
 * example (a false `console.assert` fails; a deliberately failing example
 * must fail), then executes every notebook headlessly and checks that a
 * deliberately failing notebook fails.
 *
 * Options: `--skip-notebooks`, `--only-notebooks`.
 *
 * @module
 */

const DEBIAN_PACKAGES = [
  "jupyter-nbconvert",
  "python3-nbclient",
  "python3-ipykernel",
  "python3-numpy",
  "python3-scipy",
  "python3-pandas",
  "python3-skimage",
  "python3-sklearn",
  "chromium",
];
const NOTEBOOK_TIMEOUT_S = 300;

async function run(
  cmd: string[],
  opts: { quiet?: boolean; env?: Record<string, string> } = {},
): Promise<{ code: number; output: string }> {
  if (!opts.quiet) console.log(`$ ${cmd.join(" ")}`);
  const child = new Deno.Command(cmd[0], {
    args: cmd.slice(1),
    stdout: opts.quiet ? "piped" : "inherit",
    stderr: opts.quiet ? "piped" : "inherit",
    env: opts.env,
  });
  const out = await child.output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    output: opts.quiet ? dec.decode(out.stdout) + dec.decode(out.stderr) : "",
  };
}

async function has(cmd: string): Promise<boolean> {
  return (await run(["sh", "-c", `command -v ${cmd}`], { quiet: true }))
    .code === 0;
}

async function missingDebianPackages(): Promise<string[]> {
  const missing: string[] = [];
  for (const p of DEBIAN_PACKAGES) {
    const r = await run(["dpkg-query", "-W", "-f=${Status}", p], {
      quiet: true,
    });
    if (!r.output.includes("install ok installed")) missing.push(p);
  }
  return missing;
}

async function ensureTools(): Promise<void> {
  if (!(await has("dpkg-query"))) {
    console.log(
      "No dpkg here: install Jupyter (nbconvert, nbclient, ipykernel) yourself.",
    );
    return;
  }
  const missing = await missingDebianPackages();
  if (missing.length > 0) {
    console.log(`Installing from Debian: ${missing.join(" ")}`);
    const sudo = Deno.uid?.() === 0 ? [] : ["sudo"];
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    let r = await run([...sudo, "apt-get", "update", "-qq"], { env });
    if (r.code === 0) {
      r = await run([...sudo, "apt-get", "install", "-y", "-qq", ...missing], {
        env,
      });
    }
    if (r.code !== 0) {
      throw new Error(`Cannot install ${missing.join(" ")} with apt-get`);
    }
  }
  // Point the kernelspec at the Deno running this script.
  const k = await run([Deno.execPath(), "jupyter", "--install", "--force"], {
    quiet: true,
  });
  if (k.code !== 0) {
    throw new Error(`Cannot install the Deno Jupyter kernel:\n${k.output}`);
  }
}

async function executeNotebook(
  path: string,
  outDir: string,
): Promise<{ ok: boolean; log: string }> {
  const name = path.split("/").pop()!;
  const r = await run([
    "timeout",
    String(NOTEBOOK_TIMEOUT_S),
    "jupyter",
    "nbconvert",
    "--to",
    "notebook",
    "--execute",
    `--ExecutePreprocessor.timeout=${NOTEBOOK_TIMEOUT_S}`,
    "--output-dir",
    outDir,
    "--output",
    name,
    path,
  ], { quiet: true });
  return { ok: r.code === 0, log: r.output };
}

async function runNotebooks(): Promise<boolean> {
  const outDir = await Deno.makeTempDir({ prefix: "medq-nb-" });
  const notebooks = [...Deno.readDirSync("notebooks")]
    .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
    .map((e) => `notebooks/${e.name}`)
    .sort();
  let passed = 0, failed = 0;
  for (const nb of notebooks) {
    const t0 = performance.now();
    const r = await executeNotebook(nb, outDir);
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    if (r.ok) {
      passed++;
      console.log(`notebook ok   ${nb} (${s} s)`);
    } else {
      failed++;
      console.log(
        `notebook FAIL ${nb} (${s} s)\n${
          r.log.split("\n").slice(-30).join("\n")
        }`,
      );
    }
  }
  // The guard: a cell error must fail the run, or the checks above prove nothing.
  const guard = await executeNotebook(
    "tests/notebooks/deliberate_failure.ipynb",
    outDir,
  );
  if (guard.ok) {
    failed++;
    console.log(
      "notebook FAIL the deliberately failing notebook executed without error",
    );
  } else if (!guard.log.includes("deliberate failure")) {
    failed++;
    console.log(
      `notebook FAIL the failing notebook failed for another reason:\n${guard.log}`,
    );
  } else {
    passed++;
    console.log(
      "notebook ok   tests/notebooks/deliberate_failure.ipynb failed as it must",
    );
  }
  console.log(`notebooks: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

/** Every non-test module of the package: mod.ts and src/ (no testdata). */
async function packageModules(dir = "src"): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory && entry.name !== "testdata") {
      files.push(...await packageModules(path));
    } else if (
      entry.isFile && path.endsWith(".ts") && !path.endsWith("_test.ts")
    ) files.push(path);
  }
  return dir === "src" ? ["mod.ts", ...files.sort()] : files;
}

/**
 * Run every JSDoc example of the package as a test, with a false
 * `console.assert` made to throw, then check that a deliberately failing
 * example does fail.
 */
async function runDocExamples(): Promise<boolean> {
  const preload = "scripts/doc_examples/strict_assert.ts";
  const docTest = (files: string[], quiet = false) =>
    run([
      Deno.execPath(),
      "test",
      "--doc",
      "-A",
      "--parallel",
      "--preload",
      preload,
      ...files,
    ], { quiet });
  const examples = await docTest(await packageModules());
  if (examples.code !== 0) return false;
  const failing = await docTest(
    ["scripts/doc_examples/failing_example.ts"],
    true,
  );
  if (
    failing.code === 0 || !failing.output.includes("console.assert failed")
  ) {
    console.error(
      "The deliberately failing JSDoc example did not fail: a false console.assert would pass unnoticed.\n" +
        failing.output,
    );
    return false;
  }
  console.log("The deliberately failing JSDoc example failed, as it must.");
  return true;
}

const args = new Set(Deno.args);
Deno.chdir(new URL("..", import.meta.url).pathname);
await ensureTools();
// The shipped raw results, generated once here (if missing) and verified: the
// tests that read them run in parallel and must not all regenerate at once.
const raw = await run([
  Deno.execPath(),
  "run",
  "-A",
  "src/cli/simulate.ts",
  "--paper",
]);
if (raw.code !== 0) Deno.exit(raw.code);
if (!args.has("--only-notebooks")) {
  const unit = await run([Deno.execPath(), "test", "-A", "--parallel"]);
  if (unit.code !== 0) Deno.exit(unit.code);
  if (!(await runDocExamples())) Deno.exit(1);
}
if (!args.has("--skip-notebooks")) {
  if (!(await runNotebooks())) Deno.exit(1);
}

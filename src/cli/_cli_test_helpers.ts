/**
 * Run one of the CLI scripts of src/cli/ in a child Deno, for the CLI
 * tests. Internal to the tests (not published).
 *
 * @module
 */

/** Exit code and decoded output of a CLI run. */
export interface CliRun {
  /** Exit status. */
  code: number;
  /** Standard output, decoded. */
  stdout: string;
  /** Standard error, decoded. */
  stderr: string;
}

/**
 * Run `deno run -A <script> ...args` and collect its output.
 *
 * @param script The script's file path (e.g. from `import.meta.url`).
 * @param args Its arguments.
 * @returns Exit code, stdout and stderr.
 */
export async function runCli(script: string, args: string[]): Promise<CliRun> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}

// The test command: unit tests (+ doc tests), then notebooks headlessly.
// Installs what it needs on a fresh machine (Jupyter from Debian, the Deno kernel).
const run = async (
  cmd: string[],
  env?: Record<string, string>,
): Promise<number> => {
  console.log(`$ ${cmd.join(" ")}`);
  const p = new Deno.Command(cmd[0], {
    args: cmd.slice(1),
    stdout: "inherit",
    stderr: "inherit",
    env,
  });
  return (await p.output()).code;
};
const code = await run([Deno.execPath(), "test", "-A", "--parallel"]);
if (code !== 0) Deno.exit(code);

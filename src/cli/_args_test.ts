import assert from "node:assert/strict";
import { integerOption, parseArgs, UsageError } from "./_args.ts";

const spec = {
  string: ["type", "level", "seed"],
  boolean: ["list"],
  default: { seed: "0" },
  maxPositional: 2,
  usage: "degrade --type ID IN OUT",
};

Deno.test("parseArgs reads values, flags, = form, defaults and positionals", () => {
  const a = parseArgs([
    "--type=gaussian_blur",
    "--level",
    "2",
    "a.png",
    "b.png",
  ], spec);
  assert.equal(a.options.type, "gaussian_blur");
  assert.equal(a.options.level, "2");
  assert.equal(a.options.seed, "0");
  assert.equal(a.options.list, false);
  assert.deepEqual(a.positional, ["a.png", "b.png"]);
  assert.deepEqual(parseArgs(["--", "--x"], {}).positional, ["--x"]);
  assert.equal(parseArgs(["-3"], {}).positional[0], "-3");
});

Deno.test("parseArgs rejects unknown, repeated, valueless and surplus arguments", () => {
  assert.throws(
    () => parseArgs(["--typo"], spec),
    /Unknown option "--typo".*--type/,
  );
  assert.throws(() => parseArgs(["-x"], spec), UsageError);
  assert.throws(
    () => parseArgs(["--level", "1", "--level", "2"], spec),
    /given twice/,
  );
  assert.throws(() => parseArgs(["--type"], spec), /"--type" needs a value/);
  assert.throws(
    () => parseArgs(["--list=yes"], spec),
    /takes no value, got "yes"/,
  );
  assert.throws(
    () => parseArgs(["a", "b", "c"], spec),
    /Expected 0 to 2 .* got 3.*Usage: degrade/,
  );
  assert.throws(
    () => parseArgs([], { required: ["type"], string: ["type"] }),
    /"--type" is required/,
  );
  assert.equal(
    parseArgs(["--help"], { required: ["type"] }).options.help,
    true,
  );
});

Deno.test("integerOption checks integers and ranges", () => {
  const a = parseArgs(["--level", "2", "--seed", "1.5"], spec);
  assert.equal(integerOption(a, "level", 1, 2), 2);
  assert.throws(
    () => integerOption(a, "seed"),
    /must be an integer, got "1.5"/,
  );
  assert.throws(() => integerOption(a, "level", 0, 1), /in \[0, 1\], got 2/);
  assert.equal(integerOption(a, "type"), undefined);
});

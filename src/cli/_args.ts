/**
 * A tiny command-line argument parser with clear errors, and `runMain`, which
 * turns any thrown error into a one-paragraph message and exit code 2 (no
 * stack trace). Shared by every CLI in src/cli/.
 *
 * @module
 */

/** What a command accepts. */
export interface ArgSpec {
  /** Options that take a value (`--name value` or `--name=value`). */
  string?: readonly string[];
  /** Flags without a value (`--name`). `help` is always accepted. */
  boolean?: readonly string[];
  /** Values used when an option is not given. */
  default?: Readonly<Record<string, string | boolean>>;
  /** Options that must be given (after defaults). */
  required?: readonly string[];
  /** Smallest number of positional arguments (default 0). */
  minPositional?: number;
  /** Largest number of positional arguments (default unlimited). */
  maxPositional?: number;
  /** One-line usage, quoted in error messages. */
  usage?: string;
}

/** The parsed command line. */
export interface ParsedArgs {
  /** Option values by name (string options) or `true`/`false` (flags). */
  options: Record<string, string | boolean | undefined>;
  /** Positional arguments, in order. */
  positional: string[];
}

/** A mistake in the command line: `runMain` prints it with the usage, exit 2. */
export class UsageError extends TypeError {
  /**
   * @param message What was wrong, sentence case.
   */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

function withUsage(message: string, spec: ArgSpec): string {
  return spec.usage ? `${message}. Usage: ${spec.usage}` : message;
}

/**
 * Parse `argv` against a spec. Unknown options, missing values, options given
 * twice, missing required options and wrong positional counts throw a
 * {@linkcode UsageError} quoting the offending text.
 *
 * @param argv The arguments (usually `Deno.args`).
 * @param spec What the command accepts.
 * @returns The options and positional arguments.
 *
 * @example Usage
 * ```ts
 * import { parseArgs } from "./_args.ts";
 * const a = parseArgs(["--level", "2", "--list", "in.png"], {
 *   string: ["level"],
 *   boolean: ["list"],
 * });
 * console.assert(a.options.level === "2" && a.options.list === true);
 * console.assert(a.positional[0] === "in.png");
 * ```
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const strings = new Set(spec.string ?? []);
  const booleans = new Set([...(spec.boolean ?? []), "help"]);
  const options: Record<string, string | boolean | undefined> = {};
  const given = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h") {
      options.help = true;
      continue;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-" && !/^-\d/.test(arg)) {
        throw new UsageError(withUsage(
          `Unknown option "${arg}": options are written --name`,
          spec,
        ));
      }
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (given.has(name)) {
      throw new UsageError(
        withUsage(`Option "--${name}" is given twice: give it once`, spec),
      );
    }
    given.add(name);
    if (strings.has(name)) {
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith("--")) {
        value = argv[++i]!;
      }
      if (value === undefined || value === "") {
        throw new UsageError(
          withUsage(`Option "--${name}" needs a value`, spec),
        );
      }
      options[name] = value;
    } else if (booleans.has(name)) {
      if (eq !== -1) {
        throw new UsageError(withUsage(
          `Flag "--${name}" takes no value, got "${arg.slice(eq + 1)}"`,
          spec,
        ));
      }
      options[name] = true;
    } else {
      const known = [...strings, ...booleans].map((n) => `--${n}`).join(", ");
      throw new UsageError(withUsage(
        `Unknown option "--${name}": expected one of ${known}`,
        spec,
      ));
    }
  }
  for (const [name, value] of Object.entries(spec.default ?? {})) {
    if (options[name] === undefined) options[name] = value;
  }
  for (const name of booleans) options[name] ??= false;
  if (options.help) return { options, positional };
  for (const name of spec.required ?? []) {
    if (options[name] === undefined) {
      throw new UsageError(
        withUsage(`Option "--${name}" is required`, spec),
      );
    }
  }
  const min = spec.minPositional ?? 0;
  const max = spec.maxPositional ?? Infinity;
  if (positional.length < min || positional.length > max) {
    const want = min === max
      ? `${min}`
      : max === Infinity
      ? `at least ${min}`
      : `${min} to ${max}`;
    throw new UsageError(withUsage(
      `Expected ${want} positional argument(s), got ${positional.length}` +
        (positional.length
          ? ` (${positional.map((p) => `"${p}"`).join(" ")})`
          : ""),
      spec,
    ));
  }
  return { options, positional };
}

/**
 * Read an integer option, throwing a {@linkcode UsageError} quoting the value
 * when it is not an integer in [min, max].
 *
 * @param args Parsed arguments.
 * @param name Option name (without `--`).
 * @param min Smallest accepted value.
 * @param max Largest accepted value.
 * @returns The integer, or `undefined` when the option is absent.
 *
 * @example Usage
 * ```ts
 * import { integerOption, parseArgs } from "./_args.ts";
 * const a = parseArgs(["--seed", "7"], { string: ["seed"] });
 * console.assert(integerOption(a, "seed", 0, 100) === 7);
 * ```
 */
export function integerOption(
  args: ParsedArgs,
  name: string,
  min: number = Number.MIN_SAFE_INTEGER,
  max: number = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const raw = args.options[name];
  if (raw === undefined || typeof raw === "boolean") return undefined;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new UsageError(
      `Option "--${name}" must be an integer, got "${raw}"`,
    );
  }
  if (value < min || value > max) {
    throw new UsageError(
      `Option "--${name}" must be in [${min}, ${max}], got ${value}`,
    );
  }
  return value;
}

/**
 * Run a CLI's main function: on any error print `error: <message>` (one
 * paragraph, no stack trace) to stderr and exit with code 2; otherwise exit
 * with the code `main` returns (default 0). Set `MEDQ_DEBUG=1` for stacks.
 *
 * @param main The command's body.
 * @returns Never returns normally; exits the process.
 *
 * @example Usage
 * ```ts ignore
 * import { runMain } from "./_args.ts";
 * await runMain(async () => {
 *   console.log("hello");
 *   return 0;
 * });
 * ```
 */
export async function runMain(
  main: () => Promise<number | void> | number | void,
): Promise<never> {
  let code = 0;
  try {
    code = (await main()) ?? 0;
  } catch (error) {
    const debug = Deno.env.get("MEDQ_DEBUG") === "1";
    const message = error instanceof Error
      ? (debug ? error.stack ?? error.message : error.message)
      : String(error);
    console.error(`error: ${message.replace(/\s*\n\s*/g, debug ? "\n" : " ")}`);
    code = 2;
  }
  Deno.exit(code);
}

/**
 * The number of workers `--jobs` asks for: a positive integer, or `auto`
 * (the default: one per logical CPU, at most 8, since each worker holds its
 * own image decoder and kernel memory).
 *
 * @param raw The option's value, if given.
 * @returns A positive integer.
 * @throws {UsageError} For anything else.
 *
 * @example Usage
 * ```ts
 * import { jobsOption } from "./_args.ts";
 * console.assert(jobsOption("3") === 3);
 * console.assert(jobsOption(undefined) >= 1);
 * ```
 */
export function jobsOption(raw: string | boolean | undefined): number {
  if (raw === undefined || raw === "auto") {
    return Math.min(8, Math.max(1, navigator.hardwareConcurrency ?? 1));
  }
  const n = Number(raw);
  if (typeof raw !== "string" || !Number.isInteger(n) || n < 1) {
    throw new UsageError(
      `Option "--jobs" must be a positive integer or auto, got ${raw}`,
    );
  }
  return n;
}

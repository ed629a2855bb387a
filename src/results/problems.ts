/**
 * Problems found while reading results files, kept as data (so tests assert
 * codes, not prose) and thrown together in one {@linkcode ResultsError}.
 *
 * @module
 */

/** One violation of a FORMAT.md rule. */
export interface Problem {
  /** Machine-readable kind, e.g. `unknown_item`, `bad_enum`, `duplicate`. */
  code: string;
  /** The file (or in-memory label) the problem is in. */
  file: string;
  /** 1-based physical line on which the offending record starts; 0 for the whole file. */
  line: number;
  /** The column name, or `""` when the problem is not about one column. */
  column: string;
  /** The offending value, verbatim. */
  value: string;
  /** What was expected instead. */
  expected: string;
}

/**
 * Default number of problems kept in detail before "and N more".
 *
 * @example Usage
 * ```ts
 * import { DEFAULT_MAX_PROBLEMS } from "./problems.ts";
 * console.assert(DEFAULT_MAX_PROBLEMS === 20);
 * ```
 */
export const DEFAULT_MAX_PROBLEMS: number = 20;

/**
 * Format one problem as `file:line: column "c": value "v": expected ...`.
 *
 * @example Usage
 * ```ts
 * import { formatProblem } from "./problems.ts";
 * const text = formatProblem({
 *   code: "bad_int", file: "items.csv", line: 3, column: "severity",
 *   value: "x", expected: "0, 1 or 2",
 * });
 * console.assert(text === 'items.csv:3: column "severity": value "x": expected 0, 1 or 2');
 * ```
 */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  const column = p.column === "" ? "" : ` column "${p.column}":`;
  const shown = p.value.length > 80 ? `${p.value.slice(0, 77)}...` : p.value;
  return `${where}:${column} value "${shown}": expected ${p.expected}`;
}

/**
 * The error thrown when results files break FORMAT.md: it carries every
 * problem kept (up to a cap) and the total count.
 *
 * @example Usage
 * ```ts
 * import { ResultsError } from "./problems.ts";
 * const e = new ResultsError([{
 *   code: "bad_enum", file: "models.csv", line: 2, column: "group",
 *   value: "closed", expected: "proprietary, open-source or medical",
 * }], 1);
 * console.assert(e.message.includes("models.csv:2"));
 * console.assert(e.problems[0].code === "bad_enum");
 * ```
 */
export class ResultsError extends Error {
  /** The problems kept, in the order found. */
  readonly problems: Problem[];
  /** How many problems were found in all (may exceed `problems.length`). */
  readonly total: number;

  /** Build the error and its readable message from the problems. */
  constructor(problems: Problem[], total: number = problems.length) {
    const lines = problems.map((p) => `  - ${formatProblem(p)}`);
    if (total > problems.length) {
      lines.push(`  ... and ${total - problems.length} more`);
    }
    super(
      `Cannot load results: found ${total} problem${total === 1 ? "" : "s"}:\n${
        lines.join("\n")
      }`,
    );
    this.name = "ResultsError";
    this.problems = problems;
    this.total = total;
  }
}

/**
 * Collects problems up to a cap while counting all of them.
 *
 * @example Usage
 * ```ts
 * import { ProblemList } from "./problems.ts";
 * const list = new ProblemList(1);
 * list.add("bad_int", "a.csv", 2, "trial", "x", "a positive integer");
 * list.add("bad_int", "a.csv", 3, "trial", "y", "a positive integer");
 * console.assert(list.total === 2 && list.kept.length === 1);
 * ```
 */
export class ProblemList {
  /** The problems kept in detail. */
  readonly kept: Problem[] = [];
  /** Total number of problems seen. */
  total = 0;
  /** The cap on kept problems. */
  readonly max: number;

  /** Create a list keeping at most `max` problems (default 20). */
  constructor(max: number = DEFAULT_MAX_PROBLEMS) {
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(
        `Cannot keep ${max} problems: expected a positive integer`,
      );
    }
    this.max = max;
  }

  /** Record one problem. */
  add(
    code: string,
    file: string,
    line: number,
    column: string,
    value: string,
    expected: string,
  ): void {
    this.total++;
    if (this.kept.length < this.max) {
      this.kept.push({ code, file, line, column, value, expected });
    }
  }

  /** Whether the cap is reached (callers may stop early on syntax errors). */
  get full(): boolean {
    return this.kept.length >= this.max;
  }

  /** Throw a {@linkcode ResultsError} if any problem was recorded. */
  throwIfAny(): void {
    if (this.total > 0) throw new ResultsError(this.kept, this.total);
  }
}

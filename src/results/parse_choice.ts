/**
 * The default rule (FORMAT.md "Extracting the letter from `response`") that
 * turns a model's raw text into an answer letter, so that two tools given the
 * same file count the same answers.
 *
 * @module
 */

const MARKUP = /[*_`#]/g;
const SINGLE = /^(?:\(([A-Za-z])\)|\[([A-Za-z])\]|([A-Za-z]))[.:]?$/;
// Keywords in any case, the letter upper-case; no nested quantifiers, so the
// scan stays linear on long texts.
const ANSWER =
  /[Aa][Nn][Ss][Ww][Ee][Rr]\s*(?:[Ii][Ss]\s*)?(?:[:\-]\s*)?(?:[Oo][Pp][Tt][Ii][Oo][Nn]\s*)?(?:[(\[]\s*)?([A-Z])(?![\p{L}\p{N}_])/u;
const STANDALONE = /(?<![\p{L}\p{N}_])[A-Z](?![\p{L}\p{N}_])/gu;

/**
 * Check a number of options K: an integer from 2 to 26.
 *
 * @example Usage
 * ```ts
 * import { assertOptionCount } from "./parse_choice.ts";
 * console.assert(assertOptionCount(4) === 4);
 * ```
 */
export function assertOptionCount(nOptions: number): number {
  if (!Number.isInteger(nOptions) || nOptions < 2 || nOptions > 26) {
    throw new RangeError(
      `Cannot use ${nOptions} options: expected an integer from 2 to 26`,
    );
  }
  return nOptions;
}

/**
 * Extract the answer letter from a raw response with FORMAT.md's default
 * rule (K = `nOptions`, a letter is in range if its index is below K):
 *
 * 1. remove `*` `_` `` ` `` `#`, trim; empty: unparsed;
 * 2. a lone letter, optionally in `( )` or `[ ]`, optionally followed by `.`
 *    or `:`, is the answer in any case; out of range: unparsed;
 * 3. else the first `answer [is] [:|-] [option] [(|[] X` (keywords in any
 *    case, X upper-case, not followed by a word character) decides; out of
 *    range: unparsed;
 * 4. else the first standalone upper-case letter in range (no letter, digit
 *    or `_` on either side); none: unparsed.
 *
 * @param response The model's raw output.
 * @param nOptions K, an integer from 2 to 26.
 * @returns The upper-case letter, or `null` when unparsed.
 *
 * @example FORMAT.md's examples (K = 4)
 * ```ts
 * import { parseChoice } from "./parse_choice.ts";
 * console.assert(parseChoice("**C**", 4) === "C");
 * console.assert(parseChoice("(b)", 4) === "B");
 * console.assert(parseChoice("The answer is D.", 4) === "D");
 * console.assert(parseChoice("Answer: E", 4) === null);
 * console.assert(parseChoice("I think B) liver", 4) === "B");
 * console.assert(parseChoice("A and B", 4) === "A");
 * console.assert(parseChoice("None of these", 4) === null);
 * ```
 */
export function parseChoice(response: string, nOptions: number): string | null {
  assertOptionCount(nOptions);
  if (typeof response !== "string") {
    throw new TypeError(
      `Cannot parse a choice from ${typeof response}: expected a string`,
    );
  }
  const text = response.replace(MARKUP, "").trim();
  if (text === "") return null;
  const inRange = (letter: string): boolean =>
    letter.charCodeAt(0) - 65 < nOptions;

  if (text.length <= 5) {
    const single = SINGLE.exec(text);
    if (single) {
      const letter = (single[1] ?? single[2] ?? single[3]).toUpperCase();
      return inRange(letter) ? letter : null;
    }
  }

  const answer = ANSWER.exec(text);
  if (answer) return inRange(answer[1]) ? answer[1] : null;

  STANDALONE.lastIndex = 0;
  for (let m = STANDALONE.exec(text); m; m = STANDALONE.exec(text)) {
    if (inRange(m[0])) return m[0];
  }
  return null;
}

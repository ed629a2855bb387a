/**
 * The text prompt sent with each image: the question, the lettered options,
 * and an instruction to answer with a letter.
 *
 * @module
 */

/**
 * The default prompt template. Placeholders: `{question}`, `{options}` (one
 * `A. text` line per option) and `{letters}` (e.g. `A, B, C or D`).
 */
export const DEFAULT_PROMPT_TEMPLATE: string = "{question}\n\n" +
  "Options:\n{options}\n\n" +
  "Answer with the letter of the correct option ({letters}) only.";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Check that a prompt template has the placeholders a multiple-choice prompt
 * needs (`{question}` and `{options}`).
 *
 * @param template The template text.
 * @returns Nothing; throws when a placeholder is missing.
 * @throws {TypeError} When `{question}` or `{options}` is missing.
 *
 * @example Usage
 * ```ts
 * import { assertPromptTemplate } from "./prompt.ts";
 * assertPromptTemplate("{question}\n{options}");
 * ```
 */
export function assertPromptTemplate(template: string): void {
  for (const placeholder of ["{question}", "{options}"]) {
    if (!template.includes(placeholder)) {
      throw new TypeError(
        `Cannot use prompt template ${
          JSON.stringify(template.slice(0, 60))
        }: expected it to contain the placeholder "${placeholder}"`,
      );
    }
  }
}

/**
 * Build the text prompt for one multiple-choice item.
 *
 * @param question The question text.
 * @param options The option texts, in letter order (2 to 26 of them).
 * @param template A template with `{question}`, `{options}` and optionally
 *   `{letters}`; defaults to {@linkcode DEFAULT_PROMPT_TEMPLATE}.
 * @returns The prompt text.
 * @throws {RangeError} When there are fewer than 2 or more than 26 options.
 *
 * @example Usage
 * ```ts
 * import { buildPrompt } from "./prompt.ts";
 * const prompt = buildPrompt("Which organ?", ["Liver", "Spleen"]);
 * console.assert(prompt.includes("A. Liver\nB. Spleen"));
 * console.assert(prompt.includes("(A or B)"));
 * ```
 */
export function buildPrompt(
  question: string,
  options: readonly string[],
  template: string = DEFAULT_PROMPT_TEMPLATE,
): string {
  if (options.length < 2 || options.length > 26) {
    throw new RangeError(
      `Cannot build a prompt with ${options.length} options: expected 2 to 26`,
    );
  }
  const lines = options.map((text, i) => `${LETTERS[i]}. ${text}`).join("\n");
  const letters = LETTERS.slice(0, options.length).split("");
  const last = letters.pop();
  const letterList = `${letters.join(", ")} or ${last}`;
  // One pass, so placeholder-like text inside the question is left alone.
  return template.replace(
    /\{(question|options|letters)\}/g,
    (_, key: string) =>
      key === "question" ? question : key === "options" ? lines : letterList,
  );
}

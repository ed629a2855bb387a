/**
 * Preloaded when the test command runs the JSDoc examples
 * (`deno test --doc --preload`): a false `console.assert` in an example
 * throws, so the example fails instead of printing and passing.
 *
 * @module
 */

const print = console.assert.bind(console);
console.assert = (condition?: boolean, ...data: unknown[]): void => {
  if (condition) return;
  print(condition, ...data);
  throw new Error(
    `console.assert failed${data.length ? `: ${data.join(" ")}` : ""}`,
  );
};

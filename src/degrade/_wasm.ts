/**
 * Instantiate an embedded WebAssembly module (its bytes as base64), or
 * null where the engine cannot (no WebAssembly, or no SIMD for a module
 * that uses it): the callers then run their JavaScript loops. Internal to
 * src/degrade/.
 *
 * @module
 */

/**
 * The exports of the module whose bytes `base64` holds, or null when it
 * cannot be compiled or instantiated here.
 *
 * @example Usage
 * ```ts
 * import { instantiateBase64 } from "./_wasm.ts";
 * // The empty module: magic number and version 1.
 * console.assert(instantiateBase64("AGFzbQEAAAA=") !== null);
 * console.assert(instantiateBase64("bm90IHdhc20=") === null);
 * ```
 */
export function instantiateBase64<T>(base64: string): T | null {
  try {
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    return instance.exports as unknown as T;
  } catch {
    return null;
  }
}

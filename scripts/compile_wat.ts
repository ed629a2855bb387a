/**
 * Recompile the embedded WebAssembly of the degradation kernels after an
 * edit of their text: `deno run -A scripts/compile_wat.ts` compiles
 * `SIMD_WAT` (src/degrade/_simd.ts) and `FFT_WAT` (src/degrade/_fft_wasm.ts)
 * with wabt 1.0.39 and rewrites the base64 string next to each, which the
 * two files' tests check against the text.
 *
 * @module
 */

import wabtInit from "npm:wabt@1.0.39";
import { SIMD_WAT } from "../src/degrade/_simd.ts";
import { FFT_WAT } from "../src/degrade/_fft_wasm.ts";

const wabt = await wabtInit();
const targets = [
  { file: "src/degrade/_simd.ts", name: "SIMD_WASM_BASE64", wat: SIMD_WAT },
  { file: "src/degrade/_fft_wasm.ts", name: "FFT_WASM_BASE64", wat: FFT_WAT },
];
for (const { file, name, wat } of targets) {
  const module = wabt.parseWat(`${name}.wat`, wat, { simd: true });
  const { buffer } = module.toBinary({});
  module.destroy();
  let binary = "";
  for (const byte of buffer) binary += String.fromCharCode(byte);
  const url = new URL(`../${file}`, import.meta.url);
  const source = await Deno.readTextFile(url);
  const pattern = new RegExp(`(${name} =\\s*")[^"]+(")`);
  if (!pattern.test(source)) {
    throw new Error(`Cannot find ${name} = "..." in ${file}`);
  }
  const next = source.replace(pattern, `$1${btoa(binary)}$2`);
  if (next !== source) await Deno.writeTextFile(url, next);
  console.log(`${file}: ${next === source ? "unchanged" : "rewritten"}`);
}

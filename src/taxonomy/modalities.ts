/**
 * The seven imaging modalities of MedQ-Deg.
 *
 * @module
 */

/** The modality ids, in the order the paper lists them. */
export const MODALITIES: readonly [
  "CT",
  "MRI",
  "X-ray",
  "Ultrasound",
  "Endoscopy",
  "Histopathology",
  "Dermoscopy",
] = [
  "CT",
  "MRI",
  "X-ray",
  "Ultrasound",
  "Endoscopy",
  "Histopathology",
  "Dermoscopy",
] as const;

/** One imaging modality. */
export type Modality = typeof MODALITIES[number];

/**
 * Whether a string is a modality id.
 *
 * @example Usage
 * ```ts
 * import { isModality } from "./modalities.ts";
 * console.assert(isModality("CT"));
 * console.assert(!isModality("ct"));
 * ```
 */
export function isModality(value: string): value is Modality {
  return (MODALITIES as readonly string[]).includes(value);
}

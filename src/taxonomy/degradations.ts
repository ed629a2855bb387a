/**
 * The 19 degradation ids of MedQ-Deg, their 5 categories, display names and
 * the modality each is restricted to (FORMAT.md "Taxonomy").
 *
 * @module
 */

import type { Modality } from "./modalities.ts";

/** The five degradation categories, in the paper's Table 3 order. */
export const CATEGORIES: readonly ["Intens", "Noise", "RB", "Artif", "Motio"] =
  [
    "Intens",
    "Noise",
    "RB",
    "Artif",
    "Motio",
  ] as const;

/** A degradation category abbreviation. */
export type Category = typeof CATEGORIES[number];

/** Full names of the categories. */
export const CATEGORY_NAMES: Readonly<Record<Category, string>> = {
  Intens: "Intensity jitter",
  Noise: "Noise",
  RB: "Resolution and blur",
  Artif: "Artifacts",
  Motio: "Motion interference",
};

/** The 19 degradation ids, grouped by category (FORMAT.md order). */
export const DEGRADATIONS: readonly [
  "limited_angle",
  "sparse_view",
  "bias_field_artifact",
  "undersampling_artifact",
  "ghosting_artifact",
  "blood_cell_artifact",
  "dark_spots_artifact",
  "rotation_artifact",
  "random_motion_artifact",
  "adjust_brightness",
  "exposure_artifact",
  "reduce_contrast",
  "gaussian_noise",
  "low_dose",
  "downsample_artifact",
  "motion_blur",
  "gaussian_blur",
  "bubble_artifact",
  "xray_motion_blur_artifact",
] = [
  "limited_angle",
  "sparse_view",
  "bias_field_artifact",
  "undersampling_artifact",
  "ghosting_artifact",
  "blood_cell_artifact",
  "dark_spots_artifact",
  "rotation_artifact",
  "random_motion_artifact",
  "adjust_brightness",
  "exposure_artifact",
  "reduce_contrast",
  "gaussian_noise",
  "low_dose",
  "downsample_artifact",
  "motion_blur",
  "gaussian_blur",
  "bubble_artifact",
  "xray_motion_blur_artifact",
] as const;

/** A degradation id. */
export type Degradation = typeof DEGRADATIONS[number];

/** Facts about one degradation id. */
export interface DegradationInfo {
  /** The id, as in FORMAT.md. */
  id: Degradation;
  /** Its category. */
  category: Category;
  /** The name the paper prints (Table 5 / heatmap rows). */
  displayName: string;
  /** The only modality it applies to, or `null` for a general degradation. */
  modality: Modality | null;
}

const INFO: readonly [Degradation, Category, string, Modality | null][] = [
  ["limited_angle", "Artif", "Limited angle", "CT"],
  ["sparse_view", "Artif", "Sparse view", "CT"],
  ["bias_field_artifact", "Artif", "Bias field", "MRI"],
  ["undersampling_artifact", "Artif", "Undersampling", "MRI"],
  ["ghosting_artifact", "Artif", "Ghosting", "MRI"],
  ["blood_cell_artifact", "Artif", "Blood cell", "Histopathology"],
  ["dark_spots_artifact", "Artif", "Dark spots", "Histopathology"],
  ["rotation_artifact", "Motio", "Object rotation", null],
  ["random_motion_artifact", "Motio", "Object movement", null],
  ["adjust_brightness", "Intens", "Adjust brightness", null],
  ["exposure_artifact", "Intens", "Exposure", null],
  ["reduce_contrast", "Intens", "Reduce contrast", null],
  ["gaussian_noise", "Noise", "Gaussian noise", null],
  ["low_dose", "Noise", "Low dose", "CT"],
  ["downsample_artifact", "RB", "Low resolution", null],
  ["motion_blur", "RB", "Motion blur", null],
  ["gaussian_blur", "RB", "Gaussian blur", null],
  ["bubble_artifact", "RB", "Bubble", "Histopathology"],
  ["xray_motion_blur_artifact", "RB", "X-ray motion blur", "X-ray"],
];

/** Facts about every degradation id, keyed by id. */
export const DEGRADATION_INFO: Readonly<Record<Degradation, DegradationInfo>> =
  Object
    .fromEntries(
      INFO.map(([id, category, displayName, modality]) => [
        id,
        { id, category, displayName, modality },
      ]),
    ) as Record<Degradation, DegradationInfo>;

/**
 * Whether a string is one of the 19 degradation ids (`none` is not).
 *
 * @example Usage
 * ```ts
 * import { isDegradation } from "./degradations.ts";
 * console.assert(isDegradation("low_dose"));
 * console.assert(!isDegradation("none"));
 * ```
 */
export function isDegradation(value: string): value is Degradation {
  return (DEGRADATIONS as readonly string[]).includes(value);
}

/**
 * The category of a degradation id.
 *
 * @example Usage
 * ```ts
 * import { categoryOf } from "./degradations.ts";
 * console.assert(categoryOf("sparse_view") === "Artif");
 * ```
 */
export function categoryOf(id: Degradation): Category {
  return DEGRADATION_INFO[id].category;
}

/**
 * Whether a degradation may be applied to an image of a modality
 * (CT-only, MRI-only, X-ray-only and histopathology-only ids are restricted).
 *
 * @example Usage
 * ```ts
 * import { appliesTo } from "./degradations.ts";
 * console.assert(appliesTo("low_dose", "CT"));
 * console.assert(!appliesTo("low_dose", "MRI"));
 * console.assert(appliesTo("gaussian_noise", "MRI"));
 * ```
 */
export function appliesTo(id: Degradation, modality: Modality): boolean {
  const only = DEGRADATION_INFO[id].modality;
  return only === null || only === modality;
}

/**
 * The degradation ids valid for a modality.
 *
 * @example Usage
 * ```ts
 * import { degradationsFor } from "./degradations.ts";
 * console.assert(degradationsFor("CT").includes("sparse_view"));
 * ```
 */
export function degradationsFor(modality: Modality): Degradation[] {
  return DEGRADATIONS.filter((d) => appliesTo(d, modality));
}

/**
 * Figures for MedQ-Deg, drawn with Observable Plot from TABLE ROWS (the
 * arrays the table builders return, or rows read from their CSVs). Every
 * figure function returns one standalone `<svg>` element (title, legend and
 * panels included); {@link toSvgString}, {@link writeSvg}, {@link writePng}
 * and {@link display} turn it into a file or notebook output. Plot, linkedom
 * and sharp are imported here only, never by the metrics.
 *
 * ```ts
 * import { display, severityBars, writePng } from "./mod.ts";
 * const svg = severityBars([
 *   { model: "GPT-5", L0: 70.27, L1: 69.09, L2: 64.3 },
 *   { model: "MedGemma(27B)", L0: 54.6, L1: 52.9, L2: 49.3 },
 * ]);
 * await writePng(await Deno.makeTempFile({ suffix: ".png" }), svg);
 * console.assert(display(svg).outerHTML.startsWith("<svg"));
 * ```
 *
 * @module
 */
export * from "./types.ts";
export * from "./severity_bars.ts";
export * from "./calibration_dots.ts";
export * from "./heatmap.ts";
export * from "./radar.ts";
export * from "./rank_bump.ts";
export * from "./reliability_diagram.ts";
export * from "./dke_arrows.ts";
export * from "./tsne_map.ts";
export * from "./render.ts";
export { type Degradation, DEGRADATIONS } from "../taxonomy/degradations.ts";
export { MODALITIES, type Modality } from "../taxonomy/modalities.ts";

/**
 * The benchmark builder: degrade a clean multiple-choice test set into a
 * MedQ-Deg-style benchmark (1-3 degradations per question, each at L1 and L2,
 * valid for the question's modality) and write a results directory the
 * loaders accept. It joins the degradation engine and the results format,
 * so it lives apart from both.
 *
 * ```ts ignore
 * import { buildBenchmark } from "./mod.ts";
 * await buildBenchmark({ items: "clean.csv", out: "my-benchmark" });
 * ```
 *
 * @module
 */
export * from "./build_benchmark.ts";

/**
 * Validate a models table (zod, row by row) into {@linkcode ModelInfo}s.
 *
 * @module
 */

import { requireColumns } from "./build_items.ts";
import type { ProblemList } from "./problems.ts";
import type { Table } from "./read_table.ts";
import type { ModelInfo } from "./results.ts";
import { MODEL_COLUMNS, parseModelRow } from "./rows.ts";

/**
 * Build the model list from a table read as text; every rule violation goes
 * to `problems`.
 *
 * @example Usage
 * ```ts
 * import { buildModels } from "./build_models.ts";
 * import { ProblemList } from "./problems.ts";
 * const problems = new ProblemList();
 * const models = buildModels({
 *   file: "models.csv", columns: ["model", "display_name", "group", "params_b"],
 *   n: 1, lines: Int32Array.of(2),
 *   values: { model: ["m"], display_name: ["M"], group: ["medical"], params_b: [""] },
 * }, problems);
 * console.assert(problems.total === 0 && models[0].paramsB === null);
 * ```
 */
export function buildModels(table: Table, problems: ProblemList): ModelInfo[] {
  const { file, n, values, lines } = table;
  if (!requireColumns(table, MODEL_COLUMNS, problems)) return [];
  const extraNames = table.columns.filter((c) =>
    !MODEL_COLUMNS.includes(c) && c !== "params_b"
  );
  const firstLine = new Map<string, number>();
  const models: ModelInfo[] = [];
  for (let r = 0; r < n; r++) {
    const cells: Record<string, string> = {};
    for (const c of table.columns) cells[c] = values[c][r];
    const seen = firstLine.get(cells.model);
    if (seen !== undefined && cells.model !== "") {
      problems.add(
        "duplicate",
        file,
        lines[r],
        "model",
        cells.model,
        `a unique model id (already on line ${seen})`,
      );
    } else firstLine.set(cells.model, lines[r]);
    const checked = parseModelRow(cells);
    if (!checked.ok) {
      for (const issue of checked.issues) {
        problems.add(
          "bad_value",
          file,
          lines[r],
          issue.column,
          cells[issue.column] ?? "",
          issue.expected,
        );
      }
      models.push({
        model: cells.model,
        displayName: cells.display_name,
        group: "proprietary",
        paramsB: null,
        extra: {},
      });
      continue;
    }
    const extra: Record<string, string> = {};
    for (const c of extraNames) extra[c] = cells[c];
    models.push({
      model: checked.row.model,
      displayName: checked.row.display_name,
      group: checked.row.group,
      paramsB: checked.row.params_b,
      extra,
    });
  }
  return models;
}

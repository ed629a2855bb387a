// The only place the evaluate area imports the results loaders from.
// TEMPORARY: `loadItems` below reads the columns the harness needs with
// readTable until src/results exports its validating loadItems; then this
// becomes a plain re-export. Not exported from mod.ts.
import { readTable } from "../results/read_table.ts";
import type { ItemColumns } from "../results/results.ts";
export { parseChoice } from "../results/parse_choice.ts";
export { findTable, readTable } from "../results/read_table.ts";

export async function loadItems(path: string): Promise<ItemColumns> {
  const t = await readTable(path);
  const extra: Record<string, string[]> = {};
  for (const k of t.columns) {
    if (k !== "item_id" && k !== "n_options") extra[k] = t.values[k]!;
  }
  return {
    n: t.n,
    itemId: t.values.item_id!,
    nOptions: Uint8Array.from(t.values.n_options!, Number),
    extra,
  } as unknown as ItemColumns;
}

// TEMPORARY adapter until src/results lands parseChoice and loadItems:
// only this file changes when they do. Do not export from mod.ts.
import { parse } from "csv-parse/sync";
import type { ItemColumns } from "../results/results.ts";

export function parseChoice(response: string, nOptions: number): string | null {
  const s = response.replace(/[*_`#]/g, "").trim();
  if (s === "") return null;
  const single = /^[([]?([A-Za-z])[)\]]?[.:]?$/.exec(s);
  const inRange = (l: string) => l.charCodeAt(0) - 65 < nOptions ? l : null;
  if (single) return inRange(single[1]!.toUpperCase());
  const m = /answer\s*(?:is)?\s*[:-]?\s*(?:option)?\s*[([]?([A-Z])(?!\w)/i.exec(
    s,
  );
  if (m && /[A-Z]/.test(m[1]!)) return inRange(m[1]!);
  for (const x of s.matchAll(/(?<![\p{L}\p{N}_])[A-Z](?![\p{L}\p{N}_])/gu)) {
    if (inRange(x[0])) return x[0];
  }
  return null;
}

export async function loadItems(path: string): Promise<ItemColumns> {
  const text = await Deno.readTextFile(path);
  const rows: Record<string, unknown>[] = path.endsWith(".jsonl")
    ? text.split("\n").filter((l) => l).map((l) => JSON.parse(l))
    : parse(text, {
      columns: true,
      delimiter: path.endsWith(".tsv") ? "\t" : ",",
    });
  const core = ["item_id", "n_options"];
  const extra: Record<string, string[]> = {};
  for (const k of Object.keys(rows[0] ?? {})) {
    if (!core.includes(k)) {
      extra[k] = rows.map((r) =>
        r[k] == null
          ? ""
          : typeof r[k] === "string"
          ? r[k] as string
          : JSON.stringify(r[k])
      );
    }
  }
  return {
    n: rows.length,
    itemId: rows.map((r) => String(r.item_id)),
    nOptions: Uint8Array.from(rows, (r) => Number(r.n_options)),
    extra,
  } as unknown as ItemColumns;
}

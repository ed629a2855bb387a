/**
 * Load per-image feature vectors computed elsewhere (e.g. BiomedCLIP image
 * embeddings) from CSV, TSV or JSONL (each optionally `.gz`).
 *
 * Columns: `image_id` (unique, non-empty), `modality` (one of `MODALITIES`),
 * `degradation` (one of the 19 ids valid for the modality, `none` for a clean
 * image, or `real` for a real-world degraded image of unknown type),
 * `severity` (0 for `none`, 1 or 2 for an id, 0-2 for `real`), optional
 * `source` (`simulated`, the default, or `real`: a real-world image of a
 * known degradation type), then the vector: columns `f0`, `f1`, ... `fN`
 * (CSV/TSV, consecutive from `f0`) or a `vector` array (JSONL). Every vector
 * has the same length and only finite numbers.
 *
 * Every problem is collected and thrown together as a `ResultsError` naming
 * file, 1-based line, column, value and what was expected.
 *
 * @module
 */

import { readBytes, readTable } from "../results/read_table.ts";
import { ProblemList } from "../results/problems.ts";
import { tableKind } from "../results/write_table.ts";
import { appliesTo, isDegradation } from "../taxonomy/degradations.ts";
import {
  isModality,
  MODALITIES,
  type Modality,
} from "../taxonomy/modalities.ts";
import type { Severity } from "../taxonomy/severity.ts";
import type {
  DegradationLabel,
  EmbeddingSet,
  ImageSource,
} from "./embedding_set.ts";

/** Options of {@linkcode loadEmbeddings}. */
export interface LoadEmbeddingsOptions {
  /** Problems kept in detail before "and N more" (default 20). */
  maxProblems?: number;
}

/** One record before validation: its line, its named cells, its vector cells. */
export interface EmbeddingRecord {
  /** 1-based line on which the record starts. */
  line: number;
  /** Cell text by column name (missing = `""`). */
  cells: Record<string, string>;
  /** Vector components as read (strings from CSV, anything from JSON). */
  vector: readonly unknown[];
  /** Column name of each vector component, for messages. */
  vectorColumns: readonly string[];
}

const REQUIRED = ["image_id", "modality", "degradation", "severity"] as const;

/**
 * Read and validate an embeddings file.
 *
 * @param path A `.csv`, `.tsv` or `.jsonl` file, optionally `.gz`.
 * @param options The problem cap.
 * @returns The validated set.
 *
 * @example Usage
 * ```ts
 * import { loadEmbeddings } from "./load_embeddings.ts";
 * const path = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(path,
 *   "image_id,modality,degradation,severity,f0,f1\n" +
 *   "a,CT,low_dose,1,0.5,1\n" +
 *   "b,CT,low_dose,2,0.25,2\n");
 * const set = await loadEmbeddings(path);
 * console.assert(set.n === 2 && set.dims === 2 && set.vectors[1][0] === 0.25);
 * ```
 */
export async function loadEmbeddings(
  path: string,
  options: LoadEmbeddingsOptions = {},
): Promise<EmbeddingSet> {
  const problems = new ProblemList(options.maxProblems);
  const { format } = tableKind(path);
  const records: EmbeddingRecord[] = [];
  let names: string[] = [];
  if (format === "jsonl") {
    const bytes = await readBytes(path, problems);
    if (bytes !== null) readJsonl(path, bytes, problems, records);
  } else {
    const table = await readTable(path, options);
    for (const c of REQUIRED) {
      if (!table.columns.includes(c)) {
        problems.add("missing_column", path, 1, c, "", `a "${c}" column`);
      }
    }
    names = table.columns.filter((c) => /^f\d+$/.test(c));
    names.forEach((c, i) => {
      if (c !== `f${i}`) {
        problems.add(
          "bad_vector_columns",
          path,
          1,
          c,
          c,
          `vector columns f0, f1, ... in order (column ${i} of the vector should be f${i})`,
        );
      }
    });
    if (names.length === 0) {
      problems.add(
        "missing_column",
        path,
        1,
        "f0",
        "",
        "vector columns f0, f1, ...",
      );
    }
    problems.throwIfAny();
    for (let r = 0; r < table.n; r++) {
      const cells: Record<string, string> = {};
      for (const c of table.columns) cells[c] = table.values[c][r];
      records.push({
        line: table.lines[r],
        cells,
        vector: names.map((c) => table.values[c][r]),
        vectorColumns: names,
      });
    }
  }
  problems.throwIfAny();
  const dims = records[0]?.vector.length ?? 0;
  if (names.length === 0) {
    names = Array.from({ length: dims }, (_, i) => `f${i}`);
  }
  return buildSet(path, records, names, problems);
}

function readJsonl(
  file: string,
  bytes: Uint8Array,
  problems: ProblemList,
  out: EmbeddingRecord[],
): void {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length === 0) {
    problems.add("empty_file", file, 0, "", "", "JSON lines");
  }
  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (s.trim() === "") {
      problems.add("blank_line", file, line, "", "", "a JSON object");
      return;
    }
    let o: unknown;
    try {
      o = JSON.parse(s);
    } catch (e) {
      problems.add(
        "bad_json",
        file,
        line,
        "",
        s,
        `one JSON object (${(e as Error).message})`,
      );
      return;
    }
    if (typeof o !== "object" || o === null || Array.isArray(o)) {
      problems.add(
        "bad_record",
        file,
        line,
        "",
        s,
        "an object with the columns as keys",
      );
      return;
    }
    const rec = o as Record<string, unknown>;
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(rec)) {
      if (k === "vector") continue;
      cells[k] = v === null || v === undefined
        ? ""
        : typeof v === "string"
        ? v
        : JSON.stringify(v);
    }
    for (const c of REQUIRED) {
      if (!(c in rec)) {
        problems.add("missing_column", file, line, c, "", `a "${c}" key`);
      }
    }
    const vector = rec.vector;
    if (!Array.isArray(vector)) {
      problems.add(
        "bad_vector",
        file,
        line,
        "vector",
        String(JSON.stringify(vector) ?? "undefined"),
        "an array of finite numbers",
      );
      return;
    }
    out.push({
      line,
      cells,
      vector,
      vectorColumns: vector.map((_, t) => `vector[${t}]`),
    });
  });
}

/**
 * Validate records into an {@linkcode EmbeddingSet} (shared by the file
 * loader and in-memory callers); throws a `ResultsError` listing every
 * problem.
 *
 * @param file The file name used in messages.
 * @param records The records, in file order.
 * @param names Vector component names.
 * @returns The validated set.
 *
 * @example Usage
 * ```ts
 * import { embeddingSetFromRecords } from "./load_embeddings.ts";
 * const set = embeddingSetFromRecords("memory", [{
 *   line: 1, vector: [1, 2], vectorColumns: ["f0", "f1"],
 *   cells: { image_id: "x", modality: "MRI", degradation: "none", severity: "0" },
 * }], ["f0", "f1"]);
 * console.assert(set.source[0] === "simulated");
 * ```
 */
export function embeddingSetFromRecords(
  file: string,
  records: readonly EmbeddingRecord[],
  names: readonly string[],
): EmbeddingSet {
  return buildSet(file, records, names, new ProblemList());
}

function buildSet(
  file: string,
  records: readonly EmbeddingRecord[],
  names: readonly string[],
  problems: ProblemList,
): EmbeddingSet {
  const dims = names.length;
  const set: EmbeddingSet = {
    n: 0,
    dims,
    names: [...names],
    imageId: [],
    modality: [],
    degradation: [],
    source: [],
    severity: [],
    vectors: [],
  };
  const seen = new Map<string, number>();
  for (const r of records) {
    const bad = (
      column: string,
      value: string,
      expected: string,
      code = "bad_value",
    ) => problems.add(code, file, r.line, column, value, expected);
    const id = r.cells.image_id ?? "";
    if (id === "") bad("image_id", id, "a non-empty image id", "missing_value");
    else if (seen.has(id)) {
      bad(
        "image_id",
        id,
        `a unique image id (also on line ${seen.get(id)})`,
        "duplicate",
      );
    } else seen.set(id, r.line);
    const mod = r.cells.modality ?? "";
    if (!isModality(mod)) {
      bad("modality", mod, `one of ${MODALITIES.join(", ")}`, "bad_enum");
    }
    const deg = r.cells.degradation ?? "";
    const degOk = deg === "none" || deg === "real" || isDegradation(deg);
    if (!degOk) {
      bad(
        "degradation",
        deg,
        `one of the 19 degradation ids, "none" or "real"`,
        "bad_enum",
      );
    } else if (isDegradation(deg) && isModality(mod) && !appliesTo(deg, mod)) {
      bad("degradation", deg, `a degradation valid for ${mod}`, "bad_enum");
    }
    const sevText = r.cells.severity ?? "";
    const sev = /^[0-2]$/.test(sevText) ? Number(sevText) as Severity : null;
    if (sev === null) bad("severity", sevText, "0, 1 or 2", "bad_int");
    else if (deg === "none" && sev !== 0) {
      bad("severity", sevText, "0 for degradation none");
    } else if (isDegradation(deg) && sev === 0) {
      bad("severity", sevText, `1 or 2 for degradation ${deg}`);
    }
    const srcText = r.cells.source ?? "";
    let source: ImageSource = deg === "real" ? "real" : "simulated";
    if (srcText === "real" || srcText === "simulated") source = srcText;
    else if (srcText !== "") {
      bad("source", srcText, `"simulated" or "real"`, "bad_enum");
    }
    if (deg === "real" && source !== "real") {
      bad("source", srcText, `"real" (or empty) for degradation real`);
    }
    const v = new Float64Array(dims);
    if (r.vector.length !== dims) {
      bad(
        r.vectorColumns.length > 0 && r.vectorColumns[0].startsWith("vector")
          ? "vector"
          : "f0",
        `${r.vector.length} values`,
        `${dims} values like the first record`,
        "bad_length",
      );
    } else {
      for (let t = 0; t < dims; t++) {
        const cell = r.vector[t];
        const x = typeof cell === "number"
          ? cell
          : typeof cell === "string" && cell.trim() !== ""
          ? Number(cell)
          : NaN;
        if (!Number.isFinite(x)) {
          bad(
            r.vectorColumns[t],
            typeof cell === "string" ? cell : String(JSON.stringify(cell)),
            "a finite number",
            "bad_number",
          );
        }
        v[t] = x;
      }
    }
    set.imageId.push(id);
    set.modality.push(mod as Modality);
    set.degradation.push(deg as DegradationLabel);
    set.source.push(source);
    set.severity.push((sev ?? 0) as Severity);
    set.vectors.push(v);
  }
  if (records.length === 0) {
    problems.add("empty_file", file, 0, "", "", "at least one image");
  }
  problems.throwIfAny();
  set.n = set.vectors.length;
  return set;
}

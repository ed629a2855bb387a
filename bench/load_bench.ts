/**
 * Loading benchmark: generate a full-scale, random-but-realistic results
 * directory (deterministic seed), then time in the same run
 *
 *  (a) our `loadResults` + every table (`buildTables(results)` of
 *      src/tables), in a child Deno process, and
 *  (b) `bench/load_pandas.py` (pandas read_csv + validation + the same
 *      tables, numpy-vectorized: heatmap drops, ECE, Brier, reliability,
 *      the 2000-resample DKE bootstrap per model, rank correlations), in a
 *      child /usr/bin/python3 process,
 *
 * and print both times, the ratio and both peak RSS figures (VmHWM for Deno,
 * `ru_maxrss` for Python). Generated data is never committed: it goes to a
 * temporary folder unless `--dir` is given (reused when its parameters match).
 *
 *     deno task bench:load [--dir PATH] [--scale 0.1] [--seed 1] [--runs 1]
 *
 * @module
 */

import { join } from "node:path";
import { existsSync } from "node:fs";
import process from "node:process";
import {
  DEGRADATIONS,
  degradationsFor,
  MODALITIES,
  SKILLS,
} from "../src/taxonomy/mod.ts";
import { createPrng } from "../src/random/prng.ts";
import { writeTable } from "../src/results/write_table.ts";
import { loadResults } from "../src/results/load_results.ts";
import { progress } from "../src/cli/_progress.ts";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const SOURCES = ["GMAI-MMBench", "OmniMedVQA", "MedXpertQA"];

interface Params {
  models: number;
  items: number;
  tenTrialModels: number;
  seed: number;
}

function arg(name: string, fallback: string): string {
  const i = Deno.args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < Deno.args.length ? Deno.args[i + 1] : fallback;
}

async function generate(dir: string, p: Params): Promise<number> {
  const rng = createPrng(p.seed);
  const nQuestions = Math.ceil(p.items / 3);
  const n = p.items;
  const modality = new Uint8Array(n), skill = new Uint8Array(n);
  const deg = new Int16Array(n), sev = new Uint8Array(n);
  const k = new Uint8Array(n), answer = new Uint8Array(n);
  const qid: string[] = [], iid: string[] = [], src: string[] = [];
  for (let q = 0, i = 0; q < nQuestions && i < n; q++) {
    const m = rng.int(MODALITIES.length), s = rng.int(SKILLS.length);
    const kq = [2, 3, 4, 4, 4, 4, 5, 5, 6][rng.int(9)];
    const a = rng.int(kq);
    const allowed = degradationsFor(MODALITIES[m]);
    const source = SOURCES[rng.int(SOURCES.length)];
    for (let level = 0; level < 3 && i < n; level++, i++) {
      modality[i] = m;
      skill[i] = s;
      sev[i] = level;
      deg[i] = level === 0
        ? -1
        : DEGRADATIONS.indexOf(allowed[rng.int(allowed.length)]);
      k[i] = kq;
      answer[i] = a;
      qid.push(`${source.slice(0, 4).toLowerCase()}_${q}`);
      iid.push(`${source.slice(0, 4).toLowerCase()}_${q}_l${level}`);
      src.push(source);
    }
  }
  await writeTable(join(dir, "items.csv"), [
    "item_id",
    "question_id",
    "source",
    "modality",
    "skill",
    "degradation",
    "severity",
    "n_options",
    "answer",
  ], {
    length: n,
    columns: [
      iid,
      qid,
      src,
      (r) => MODALITIES[modality[r]],
      (r) => SKILLS[skill[r]],
      (r) => deg[r] < 0 ? "none" : DEGRADATIONS[deg[r]],
      sev,
      k,
      (r) => LETTERS[answer[r]],
    ],
  });

  const names = Array.from(
    { length: p.models },
    (_, m) => `vendor${m % 7}-vl-${[2, 7, 8, 13, 32, 72][m % 6]}b-v${m}`,
  );
  await writeTable(
    join(dir, "models.csv"),
    ["model", "display_name", "group", "params_b"],
    names.map((name, m) => [
      name,
      name.toUpperCase(),
      ["proprietary", "open-source", "medical"][m % 3],
      m % 3 === 0 ? null : [2, 7, 8, 13, 32, 72][m % 6],
    ]),
  );

  // Row layout: model-major, item, trial; the last model skips 50 items.
  const trials = names.map((_, m) => m < p.tenTrialModels ? 10 : 3);
  const skip = (m: number, i: number) => m === p.models - 1 && i % 500 === 7;
  let total = 0;
  for (let m = 0; m < p.models; m++) {
    for (let i = 0; i < n; i++) if (!skip(m, i)) total += trials[m];
  }
  const model = new Uint16Array(total), item = new Int32Array(total);
  const trial = new Uint8Array(total), choice = new Int8Array(total);
  const kind = new Uint8Array(total); // 0 choice, 1 parseable, 2 unparseable, 3 empty
  let r = 0;
  for (let m = 0; m < p.models; m++) {
    const skillM = 0.45 + 0.4 * rng.next();
    for (let i = 0; i < n; i++) {
      if (skip(m, i)) continue;
      const pCorrect = skillM * (1 - 0.12 * sev[i]);
      for (let t = 1; t <= trials[m]; t++, r++) {
        model[r] = m;
        item[r] = i;
        trial[r] = t;
        const right = rng.next() < pCorrect;
        choice[r] = right
          ? answer[i]
          : (answer[i] + 1 + rng.int(k[i] - 1)) % k[i];
        const u = rng.next();
        kind[r] = u < 0.005 ? 1 : u < 0.01 ? 2 : u < 0.012 ? 3 : 0;
      }
    }
  }
  const bar = progress("writing predictions", total);
  let written = 0;
  await writeTable(
    join(dir, "predictions.csv"),
    ["model", "item_id", "trial", "choice", "response"],
    {
      length: total,
      columns: [
        (r) => names[model[r]],
        (r) => iid[item[r]],
        trial,
        (r) => kind[r] === 0 ? LETTERS[choice[r]] : "",
        (r) => {
          if (++written % 100000 === 0) bar.tick(100000);
          return kind[r] === 1
            ? `The answer is ${LETTERS[choice[r]]}, because it fits.`
            : kind[r] === 2
            ? "I cannot tell from this image, sorry."
            : "";
        },
      ],
    },
  );
  bar.done();
  return total;
}

function peakRssMb(): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function measure(dir: string): Promise<void> {
  const t0 = performance.now(), c0 = cpuSeconds();
  const results = await loadResults(dir);
  const t1 = performance.now(), c1 = cpuSeconds();
  let tablesCpu = 0;
  let tables = "not available yet";
  let tTables = 0;
  try {
    const mod = await import("../src/tables/mod.ts") as Record<
      string,
      unknown
    >;
    const name = ["buildTables", "allTables"].find((n) =>
      typeof mod[n] === "function"
    );
    if (name) {
      const s = performance.now(), c = cpuSeconds();
      await (mod[name] as (r: unknown) => unknown)(results);
      tTables = (performance.now() - s) / 1000;
      tablesCpu = cpuSeconds() - c;
      tables = `${name}(results)`;
    } else tables = "src/tables has no buildTables(results) yet";
  } catch {
    tables = "not available yet";
  }
  console.log(JSON.stringify({
    rows: results.predictions.n,
    load: (t1 - t0) / 1000,
    tables: tTables,
    loadCpu: c1 - c0,
    tablesCpu,
    tablesNote: tables,
    peakRssMb: peakRssMb(),
  }));
}

function fmt(x: number | string): string {
  return Number(x).toFixed(2);
}

async function child(cmd: string, args: string[]): Promise<string | null> {
  const out = await new Deno.Command(cmd, { args, stderr: "inherit" })
    .output();
  if (!out.success) return null;
  const lines = new TextDecoder().decode(out.stdout).trim().split("\n");
  return lines[lines.length - 1];
}

async function main(): Promise<void> {
  if (Deno.args[0] === "--measure") return await measure(Deno.args[1]);
  const scale = Number(arg("scale", "1"));
  const params: Params = {
    models: Math.max(2, Math.round(40 * Math.min(1, scale * 4))),
    items: Math.max(30, Math.round(24894 * Math.min(1, scale))),
    tenTrialModels: 19,
    seed: Number(arg("seed", "1")),
  };
  params.tenTrialModels = Math.round(params.models * 19 / 40);
  const runs = Number(arg("runs", "1"));
  const given = arg("dir", "");
  const dir = given || await Deno.makeTempDir({ prefix: "medq_load_bench_" });
  const marker = join(dir, "bench_params.json");
  const wanted = JSON.stringify(params);
  if (existsSync(marker) && Deno.readTextFileSync(marker) === wanted) {
    console.log(`Reusing ${dir} (${wanted})`);
  } else {
    await Deno.mkdir(dir, { recursive: true });
    const t = performance.now();
    const rows = await generate(dir, params);
    Deno.writeTextFileSync(marker, wanted);
    console.log(
      `Generated ${rows.toLocaleString("en")} prediction rows in ${dir} (${
        ((performance.now() - t) / 1000).toFixed(1)
      } s)`,
    );
  }

  const self = new URL(import.meta.url).pathname;
  const py = new URL("./load_pandas.py", import.meta.url).pathname;
  for (let run = 1; run <= runs; run++) {
    const ours = await child(Deno.execPath(), [
      "run",
      "-A",
      self,
      "--measure",
      dir,
    ]);
    if (!ours) throw new Error("Cannot measure loadResults: the child failed");
    const a = JSON.parse(ours);
    const show = (who: string, x: Record<string, number | string>) =>
      console.log(
        `${who} load ${fmt(x.load)} s (cpu ${fmt(x.loadCpu)}), tables ${
          fmt(x.tables)
        } s (cpu ${fmt(x.tablesCpu)}), peak RSS ${
          Number(x.peakRssMb).toFixed(0)
        } MB, ${x.rows} rows`,
      );
    show("ours:  ", a);
    if (!String(a.tablesNote).endsWith("(results)")) {
      console.log(`        tables: ${a.tablesNote}`);
    }
    const theirs = existsSync("/usr/bin/python3")
      ? await child("/usr/bin/python3", [py, dir])
      : null;
    const b = theirs ? JSON.parse(theirs) : { skipped: "no /usr/bin/python3" };
    if (b.skipped) {
      console.log(`pandas: skipped (${b.skipped})`);
      continue;
    }
    show("pandas:", b);
    const ratio = (x: number, y: number) => (x / y).toFixed(2);
    console.log(
      `ratio ours/pandas (target <= 0.50): load ${
        ratio(a.load, b.load)
      } wall, ${ratio(a.loadCpu, b.loadCpu)} cpu; load+tables ${
        ratio(a.load + a.tables, b.load + b.tables)
      } wall, ${ratio(a.loadCpu + a.tablesCpu, b.loadCpu + b.tablesCpu)} cpu${
        a.tables === 0 ? " (ours without tables: not comparable yet)" : ""
      }`,
    );
    console.log(
      `peak RSS ours/pandas (target <= 1.00): ${
        ratio(a.peakRssMb, b.peakRssMb)
      }`,
    );
  }
  if (!given) await Deno.remove(dir, { recursive: true });
}

if (import.meta.main) await main();

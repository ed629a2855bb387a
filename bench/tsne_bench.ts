/**
 * Benchmark: t-SNE of 5,000 seeded Gaussian-blob points in 512 dimensions,
 * our tsne() against scikit-learn's TSNE (PCA to 50 dims first on both sides)
 * in the same run. Prints wall and CPU seconds, KL divergence, 10-NN label
 * purity of the map and the time ratios (ours / sklearn; target <= 1.0).
 * On a shared machine wall times swing with the load; the CPU ratio is the
 * steadier figure.
 *
 * Run: deno task bench:tsne [--n 5000] [--dims 512] [--sklearn-threads 1]
 *
 * @module
 */

import { cpuUsage } from "node:process";
import { gaussianBlobs } from "../src/embed/_blobs.ts";
import { nearestNeighbours } from "../src/embed/_knn.ts";
import { tsne } from "../src/embed/tsne.ts";

function arg(name: string, fallback: number): number {
  const i = Deno.args.indexOf(`--${name}`);
  return i >= 0 ? Number(Deno.args[i + 1]) : fallback;
}

const n = arg("n", 5000), dims = arg("dims", 512), centers = 10;
// scikit-learn's Barnes-Hut gradient uses OpenMP threads; on a shared,
// loaded machine extra threads oversubscribe the cores and slow it down
// tenfold, so the reference runs single-threaded like our tsne() unless
// --sklearn-threads says otherwise.
const skThreads = arg("sklearn-threads", 1);
const { points, labels } = gaussianBlobs(n, dims, centers, 2024);

function purity(y: Float64Array): number {
  const nn = nearestNeighbours({ rows: n, cols: 2, data: y }, 10);
  let same = 0;
  for (let i = 0; i < n * 10; i++) {
    if (labels[nn.index[i]] === labels[Math.floor(i / 10)]) same++;
  }
  return same / (n * 10);
}

console.log(`t-SNE benchmark: ${n} points x ${dims} dims, ${centers} blobs`);
const t0 = performance.now();
const c0 = cpuUsage();
const ours = tsne(points, {
  seed: 0,
  onProgress: (i, m) => i % 250 === 0 && console.error(`  ours: ${i}/${m}`),
});
const oursSec = (performance.now() - t0) / 1000;
const c1 = cpuUsage(c0);
const oursCpu = (c1.user + c1.system) / 1e6;
console.log(
  `ours:    ${oursSec.toFixed(2)} s wall, ${oursCpu.toFixed(2)} s CPU  KL ${
    ours.klDivergence.toFixed(4)
  }  purity ${purity(ours.embedding).toFixed(4)}  (${ours.method})`,
);

const py = "/usr/bin/python3";
const probe = await new Deno.Command(py, {
  args: ["-c", "import sklearn"],
  stderr: "null",
  stdout: "null",
}).output().catch(() => ({ success: false }));
if (!probe.success) {
  console.log(
    "sklearn: skipped (/usr/bin/python3 with scikit-learn not found; apt-get install python3-sklearn)",
  );
} else {
  const dir = await Deno.makeTempDir({ prefix: "tsne_bench_" });
  const flat = new Float64Array(n * dims);
  points.forEach((p, i) => flat.set(p, i * dims));
  await Deno.writeFile(`${dir}/x.f64`, new Uint8Array(flat.buffer));
  await Deno.writeFile(`${dir}/y.i32`, new Uint8Array(labels.buffer));
  const ref = new URL("./tsne_ref.py", import.meta.url).pathname;
  const out = await new Deno.Command(py, {
    args: [ref, `${dir}/x.f64`, `${n}`, `${dims}`, `${dir}/y.i32`],
    env: {
      OMP_NUM_THREADS: `${skThreads}`,
      OPENBLAS_NUM_THREADS: `${skThreads}`,
    },
    stderr: "inherit",
  }).output();
  await Deno.remove(dir, { recursive: true });
  if (!out.success) throw new Error("Reference run failed: see stderr above");
  const r = JSON.parse(new TextDecoder().decode(out.stdout));
  console.log(
    `sklearn: ${r.seconds.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU  KL ${
      r.kl.toFixed(4)
    }  purity ${r.purity.toFixed(4)}  (scikit-learn ${r.sklearn}, barnes_hut)`,
  );
  console.log(
    `ratio ours/sklearn: ${(oursSec / r.seconds).toFixed(2)} wall, ${
      (oursCpu / r.cpu).toFixed(2)
    } CPU (target <= 1.0)`,
  );
}

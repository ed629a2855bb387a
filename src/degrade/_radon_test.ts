import assert from "node:assert/strict";
import { createPrng } from "../random/prng.ts";
import {
  backProject,
  backProjectCentered,
  filterSinogram,
  iradon,
  paddedLength,
  radon,
  radonCentered,
  rampFilter,
} from "./_radon.ts";

/** Modified Shepp-Logan phantom (Toft's contrasts), n x n, values in [0, 1]. */
function sheppLogan(n: number): Float64Array {
  // [intensity, a, b, x0, y0, phi(deg)] in [-1, 1] coordinates, y up.
  const ellipses = [
    [1, 0.69, 0.92, 0, 0, 0],
    [-0.8, 0.6624, 0.874, 0, -0.0184, 0],
    [-0.2, 0.11, 0.31, 0.22, 0, -18],
    [-0.2, 0.16, 0.41, -0.22, 0, 18],
    [0.1, 0.21, 0.25, 0, 0.35, 0],
    [0.1, 0.046, 0.046, 0, 0.1, 0],
    [0.1, 0.046, 0.046, 0, -0.1, 0],
    [0.1, 0.046, 0.023, -0.08, -0.605, 0],
    [0.1, 0.023, 0.023, 0, -0.606, 0],
    [0.1, 0.023, 0.046, 0.06, -0.605, 0],
  ];
  const img = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const x = (2 * c - n + 1) / n, y = (n - 1 - 2 * r) / n;
      let v = 0;
      for (const [k, a, b, x0, y0, phi] of ellipses) {
        const t = (phi * Math.PI) / 180;
        const u = (x - x0) * Math.cos(t) + (y - y0) * Math.sin(t);
        const w = -(x - x0) * Math.sin(t) + (y - y0) * Math.cos(t);
        if ((u / a) ** 2 + (w / b) ** 2 <= 1) v += k;
      }
      img[r * n + c] = v;
    }
  }
  return img;
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ma = 0, mb = 0;
  for (let i = 0; i < a.length; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= a.length;
  mb /= b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

const PYTHON = "/usr/bin/python3";

function hasSkimage(): boolean {
  try {
    const out = new Deno.Command(PYTHON, {
      args: ["-c", "import skimage"],
      stdout: "null",
      stderr: "null",
    }).outputSync();
    return out.success;
  } catch {
    return false;
  }
}

const SKIMAGE = hasSkimage();
if (!SKIMAGE) {
  console.log(
    `_radon_test.ts: ${PYTHON} with scikit-image not found; skipping the scikit-image comparison`,
  );
}

const N = 128;
const ANGLES = Array.from({ length: 180 }, (_, i) => i);

Deno.test({
  name: "radon() and iradon() agree with scikit-image on a Shepp-Logan phantom",
  ignore: !SKIMAGE,
  fn: async () => {
    const phantom = sheppLogan(N);
    const dir = await Deno.makeTempDir();
    try {
      await Deno.writeFile(
        `${dir}/img.f64`,
        new Uint8Array(phantom.buffer),
      );
      const script = `
import numpy as np, sys
from skimage.transform import radon, iradon
d = sys.argv[1]
img = np.fromfile(d + "/img.f64", dtype=np.float64).reshape(${N}, ${N})
theta = np.arange(180.0)
s = radon(img, theta=theta, circle=True)
r = iradon(s, theta=theta, filter_name="ramp", interpolation="linear", circle=True)
np.ascontiguousarray(s.T).tofile(d + "/sino.f64")
np.ascontiguousarray(r).tofile(d + "/rec.f64")
`;
      const out = await new Deno.Command(PYTHON, {
        args: ["-c", script, dir],
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.ok(out.success, new TextDecoder().decode(out.stderr));
      const refSino = new Float64Array(
        (await Deno.readFile(`${dir}/sino.f64`)).buffer,
      );
      const refRec = new Float64Array(
        (await Deno.readFile(`${dir}/rec.f64`)).buffer,
      );
      const sino = radon(phantom, N, ANGLES);
      let maxDiff = 0, maxRef = 0;
      for (let i = 0; i < sino.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(sino[i] - refSino[i]));
        maxRef = Math.max(maxRef, Math.abs(refSino[i]));
      }
      assert.ok(maxDiff / maxRef < 1e-6, `sinogram max diff ${maxDiff}`);
      const rec = iradon(sino, N, ANGLES);
      const rho = correlation(rec, refRec);
      assert.ok(rho >= 0.99, `correlation ${rho}`);
      let recDiff = 0;
      for (let i = 0; i < rec.length; i++) {
        recDiff = Math.max(recDiff, Math.abs(rec[i] - refRec[i]));
      }
      assert.ok(recDiff < 1e-6, `reconstruction max diff ${recDiff}`);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("radon() of a centred disk follows the chord length 2·sqrt(R² - s²)", () => {
  const n = 64, rad = 20, img = new Float64Array(n * n);
  // Supersampled disk coverage so the analytic projection applies.
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      let inside = 0;
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          const y = r - 32 + (i + 0.5) / 4 - 0.5,
            x = c - 32 + (j + 0.5) / 4 - 0.5;
          if (x * x + y * y <= rad * rad) inside++;
        }
      }
      img[r * n + c] = inside / 16;
    }
  }
  const sino = radon(img, n, [0, 30, 77.5]);
  for (let a = 0; a < 3; a++) {
    for (const s of [0, 5, 12, 18]) {
      const expected = 2 * Math.sqrt(rad * rad - s * s);
      const got = sino[a * n + 32 + s];
      assert.ok(
        Math.abs(got - expected) < 0.6,
        `angle ${a} s ${s}: ${got} vs ${expected}`,
      );
    }
    assert.equal(sino[a * n + 32 + 25], 0);
  }
});

Deno.test("iradon() of a full-view sinogram reconstructs the phantom", () => {
  const phantom = sheppLogan(N);
  const rec = iradon(radon(phantom, N, ANGLES), N, ANGLES);
  assert.ok(correlation(rec, phantom) > 0.97);
  // Outside the inscribed circle the reconstruction is zero.
  assert.equal(rec[0], 0);
  assert.equal(rec[N * N - 1], 0);
});

Deno.test("FBP is linear: iradon(a + 2b) = iradon(a) + 2 iradon(b)", () => {
  const n = 32, angles = [0, 20, 50, 100, 170];
  const a = Float64Array.from({ length: n * 5 }, (_, i) => Math.sin(i));
  const b = Float64Array.from({ length: n * 5 }, (_, i) => Math.cos(i * 0.3));
  const ab = a.map((v, i) => v + 2 * b[i]);
  const ra = iradon(a, n, angles),
    rb = iradon(b, n, angles),
    rab = iradon(ab, n, angles);
  for (let i = 0; i < rab.length; i++) {
    assert.ok(Math.abs(rab[i] - ra[i] - 2 * rb[i]) < 1e-9);
  }
});

Deno.test("rampFilter() and paddedLength() follow scikit-image", () => {
  assert.equal(paddedLength(128), 512);
  assert.equal(paddedLength(10), 64);
  const h = rampFilter(64);
  // Real, even and close to 2|k|/length away from DC.
  for (let k = 1; k < 32; k++) assert.ok(Math.abs(h[k] - h[64 - k]) < 1e-12);
  assert.ok(Math.abs(h[16] - 2 * 16 / 64) < 0.01);
  assert.ok(h[0] > 0 && h[0] < 0.01);
});

Deno.test("radon(), filterSinogram() and backProject() reject bad shapes", () => {
  assert.throws(() => radon(new Float64Array(10), 3, [0]), RangeError);
  assert.throws(() => radon(new Float64Array(9), 3, []), RangeError);
  assert.throws(() => radon(new Float64Array(9), 3, [NaN]), RangeError);
  assert.throws(() => filterSinogram(new Float64Array(7), 3), RangeError);
  assert.throws(() => backProject(new Float64Array(8), 3, [0]), RangeError);
  assert.throws(() => iradon(new Float64Array(7), 3, [0]), RangeError);
});

/**
 * The back-projection written plainly (floor, both bins checked, one
 * column at a time): the reference backProjectCentered must equal bit for
 * bit.
 */
function plainBackProject(
  f: Float64Array,
  n: number,
  angles: number[],
  width: number,
  height: number,
): Float64Array {
  const bins = n + 4, ctr = Math.floor(n / 2);
  const left = Math.floor((n - width) / 2), top = Math.floor((n - height) / 2);
  const rec = new Float64Array(width * height);
  // Canvas column x + left lies within ⌊√(ctr² − dy²)⌋ of the centre.
  const inside = (x: number, y: number) => {
    const rest = ctr * ctr - (y + top - ctr) ** 2;
    return rest >= 0 && Math.abs(x + left - ctr) <= Math.floor(Math.sqrt(rest));
  };
  angles.forEach((deg, a) => {
    const cos = Math.cos((deg * Math.PI) / 180);
    const sin = Math.sin((deg * Math.PI) / 180);
    for (let y = 0; y < height; y++) {
      let first = -1;
      for (let x = 0; x < width; x++) if (inside(x, y) && first < 0) first = x;
      if (first < 0) continue;
      let pos = (first + left - ctr) * cos - (y + top - ctr) * sin + ctr + 2;
      for (let x = first; x < width && inside(x, y); x++, pos += cos) {
        const i = Math.floor(pos), fr = pos - i;
        if (i >= 0 && i + 1 < bins) {
          rec[y * width + x] += f[a * bins + i] +
            fr * (f[a * bins + i + 1] - f[a * bins + i]);
        }
      }
    }
  });
  const scale = Math.PI / (2 * angles.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      rec[y * width + x] = inside(x, y) ? rec[y * width + x] * scale : 0;
    }
  }
  return rec;
}

Deno.test("backProjectCentered() equals the plain floor-and-check back-projection bit for bit", () => {
  const prng = createPrng(11);
  for (const [n, width, height, views] of [[45, 31, 20, 7], [64, 64, 64, 13]]) {
    const angles = Array.from({ length: views }, (_, i) => i * 180 / views + 3);
    const f = Float64Array.from(
      { length: views * (n + 4) },
      () => prng.next() - 0.5,
    );
    const ours = backProjectCentered(f, n, angles, width, height);
    const plain = plainBackProject(f, n, angles, width, height);
    assert.ok(
      ours.every((v, i) => Object.is(v, plain[i])),
      `${n} ${width}x${height}, ${views} views`,
    );
  }
});

/**
 * radonCentered() written plainly (its loop before the interior run was
 * split out): each ray's rows within the bilinear support, every sample
 * checked.
 */
function plainRadon(
  img: Float64Array,
  width: number,
  height: number,
  size: number,
  anglesDeg: number[],
): Float64Array {
  const w = width, h = height, n = size, ctr = Math.floor(n / 2);
  const left = Math.floor((n - w) / 2), top = Math.floor((n - h) / 2);
  const out = new Float64Array(anglesDeg.length * n);
  for (let a = 0; a < anglesDeg.length; a++) {
    const th = (anglesDeg[a] * Math.PI) / 180;
    const cos = Math.cos(th), sin = Math.sin(th);
    for (let c = 0; c < n; c++) {
      const s = c - ctr;
      // Sample for canvas row r: x = ctr + s cos + (r - ctr) sin,
      // y = ctr - s sin + (r - ctr) cos; image coordinates subtract the offsets.
      const x0 = ctr + s * cos - ctr * sin - left;
      const y0 = ctr - s * sin - ctr * cos - top;
      // Rows where both coordinates lie in (-1, w) x (-1, h): bilinear support.
      let lo = 0, hi = n - 1;
      if (Math.abs(sin) > 1e-12) {
        const r1 = (-1 - x0) / sin, r2 = (w - x0) / sin;
        lo = Math.max(lo, Math.floor(Math.min(r1, r2)));
        hi = Math.min(hi, Math.ceil(Math.max(r1, r2)));
      } else if (x0 <= -1 || x0 >= w) continue;
      if (Math.abs(cos) > 1e-12) {
        const r1 = (-1 - y0) / cos, r2 = (h - y0) / cos;
        lo = Math.max(lo, Math.floor(Math.min(r1, r2)));
        hi = Math.min(hi, Math.ceil(Math.max(r1, r2)));
      } else if (y0 <= -1 || y0 >= h) continue;
      let sum = 0;
      for (let r = lo; r <= hi; r++) {
        // Shifted by +1 so that truncation is floor on the support (-1, w).
        const x1 = x0 + r * sin + 1, y1 = y0 + r * cos + 1;
        if (x1 <= 0 || y1 <= 0) continue;
        const xf = (x1 | 0) - 1, yf = (y1 | 0) - 1;
        const fx = x1 - 1 - xf, fy = y1 - 1 - yf;
        if (xf >= 0 && yf >= 0 && xf < w - 1 && yf < h - 1) {
          const i = yf * w + xf;
          const top = img[i] + fx * (img[i + 1] - img[i]);
          const bottom = img[i + w] + fx * (img[i + w + 1] - img[i + w]);
          sum += top + fy * (bottom - top);
        } else if (xf < w && yf < h) {
          const v00 = xf >= 0 && yf >= 0 ? img[yf * w + xf] : 0;
          const v01 = xf + 1 < w && yf >= 0 ? img[yf * w + xf + 1] : 0;
          const v10 = xf >= 0 && yf + 1 < h ? img[(yf + 1) * w + xf] : 0;
          const v11 = xf + 1 < w && yf + 1 < h ? img[(yf + 1) * w + xf + 1] : 0;
          sum += (1 - fy) * ((1 - fx) * v00 + fx * v01) +
            fy * ((1 - fx) * v10 + fx * v11);
        }
      }
      out[a * n + c] = sum;
    }
  }
  return out;
}

Deno.test("radonCentered() equals the plain checked-sample projection bit for bit (odd shapes, axis-parallel and near-axis angles)", () => {
  const prng = createPrng(12);
  for (
    const [w, h, n, views] of [
      [31, 17, 37, 50],
      [64, 40, 93, 31],
      [5, 5, 9, 13],
      [20, 1, 31, 19],
      [1, 12, 19, 7],
    ]
  ) {
    const img = Float64Array.from(
      { length: w * h },
      () => prng.next() < 0.1 ? -0 : prng.next() * 1.4 - 0.2,
    );
    const angles = Array.from({ length: views }, (_, i) => i * 180 / views);
    angles.push(0, 90, 45, 135, 180, 1e-4, 89.9999);
    const ours = radonCentered(img, w, h, n, angles);
    const plain = plainRadon(img, w, h, n, angles);
    assert.ok(
      ours.every((v, i) => Object.is(v, plain[i])),
      `${w}x${h} on ${n}, ${views} views`,
    );
  }
});

/**
 * Barnes-Hut repulsive forces of 2-D t-SNE: a quadtree over the embedding,
 * each cell summarized by its centre of mass when it looks small from the
 * point: squared width / squared distance < theta^2, as scikit-learn's
 * `_quad_tree.summarize`, except that the width is that of the bounding box
 * of the cell's points rather than of the cell (never larger, so at least as
 * many cells are summarized, with the same error bound per cell).
 *
 * @module
 */

/** A reusable quadtree builder and force evaluator for n points. */
export class QuadForces {
  readonly n: number;
  #perm: Int32Array;
  #tmp: Int32Array;
  #pos: Int32Array;
  #cap: number;
  #first!: Int32Array;
  #nChild!: Uint8Array;
  #lo!: Int32Array;
  #hi!: Int32Array;
  #comX!: Float64Array;
  #comY!: Float64Array;
  #width2!: Float64Array;
  #cx!: Float64Array;
  #cy!: Float64Array;
  #hw!: Float64Array;
  #depth!: Uint8Array;
  #stack: Int32Array;
  #packed: Float64Array = new Float64Array(0);

  constructor(n: number) {
    this.n = n;
    this.#perm = new Int32Array(n);
    this.#tmp = new Int32Array(n);
    this.#pos = new Int32Array(n);
    this.#cap = 0;
    this.#grow(Math.max(16, 4 * n));
    this.#stack = new Int32Array(4 * 64 + 16);
  }

  #grow(cap: number) {
    const copy = <T extends Int32Array | Float64Array | Uint8Array>(
      old: T | undefined,
      make: (c: number) => T,
    ): T => {
      const a = make(cap);
      if (old) a.set(old);
      return a;
    };
    this.#first = copy(this.#first, (c) => new Int32Array(c));
    this.#nChild = copy(this.#nChild, (c) => new Uint8Array(c));
    this.#lo = copy(this.#lo, (c) => new Int32Array(c));
    this.#hi = copy(this.#hi, (c) => new Int32Array(c));
    this.#comX = copy(this.#comX, (c) => new Float64Array(c));
    this.#comY = copy(this.#comY, (c) => new Float64Array(c));
    this.#width2 = copy(this.#width2, (c) => new Float64Array(c));
    this.#cx = copy(this.#cx, (c) => new Float64Array(c));
    this.#cy = copy(this.#cy, (c) => new Float64Array(c));
    this.#hw = copy(this.#hw, (c) => new Float64Array(c));
    this.#depth = copy(this.#depth, (c) => new Uint8Array(c));
    this.#cap = cap;
  }

  /**
   * Negative (repulsive) forces: writes the unnormalized force per point
   * into `neg` (2n) and returns sum_Q = sum over pairs of 1 / (1 + d^2).
   */
  negative(y: Float64Array, theta: number, neg: Float64Array): number {
    const count = this.#build(y);
    // One 64-byte record per node (a cache line): comX, comY, width^2 /
    // theta^2, size, first child, child count, lo, hi.
    const theta2 = theta * theta;
    if (this.#packed.length < count * 8) {
      this.#packed = new Float64Array(this.#cap * 8);
    }
    const rec = this.#packed;
    for (let c = 0; c < count; c++) {
      const o = c * 8;
      rec[o] = this.#comX[c];
      rec[o + 1] = this.#comY[c];
      rec[o + 2] = theta2 > 0 ? this.#width2[c] / theta2 : Infinity;
      rec[o + 3] = this.#hi[c] - this.#lo[c];
      rec[o + 4] = this.#first[c];
      rec[o + 5] = this.#nChild[c];
      rec[o + 6] = this.#lo[c];
      rec[o + 7] = this.#hi[c];
    }
    const n = this.n, pos = this.#pos;
    let stack = this.#stack;
    let sumQ = 0;
    for (let i = 0; i < n; i++) {
      const yx = y[2 * i], yy = y[2 * i + 1];
      const pi = pos[i];
      let fx = 0, fy = 0, top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const o = stack[--top] * 8;
        const dx = yx - rec[o], dy = yy - rec[o + 1];
        const d2 = dx * dx + dy * dy;
        const kids = rec[o + 5];
        if (kids === 0 || rec[o + 2] < d2) {
          let size = rec[o + 3];
          if (kids === 0 && pi >= rec[o + 6] && pi < rec[o + 7]) {
            if (--size === 0) continue;
          }
          const q = 1 / (1 + d2);
          sumQ += size * q;
          const m = size * q * q;
          fx += m * dx;
          fy += m * dy;
        } else {
          if (top + 4 > stack.length) {
            const bigger = new Int32Array(stack.length * 2);
            bigger.set(stack);
            stack = this.#stack = bigger;
          }
          const f = rec[o + 4];
          for (let t = kids - 1; t >= 0; t--) stack[top++] = f + t;
        }
      }
      neg[2 * i] = fx;
      neg[2 * i + 1] = fy;
    }
    return sumQ;
  }

  #build(y: Float64Array): number {
    const n = this.n, perm = this.#perm, tmp = this.#tmp;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      perm[i] = i;
      const x = y[2 * i], z = y[2 * i + 1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (z < minY) minY = z;
      if (z > maxY) maxY = z;
    }
    const half = Math.max(maxX - minX, maxY - minY, 1e-12) / 2 * (1 + 1e-6);
    // Build breadth-first: node c covers perm[lo[c], hi[c]) within a square
    // of half-width hw[c] centred on (cx[c], cy[c]).
    let count = 1;
    this.#cx[0] = (minX + maxX) / 2;
    this.#cy[0] = (minY + maxY) / 2;
    this.#hw[0] = half;
    this.#depth[0] = 0;
    this.#lo[0] = 0;
    this.#hi[0] = n;
    const qc = new Int32Array(4), start = new Int32Array(4);
    const cur = new Int32Array(4);
    for (let c = 0; c < count; c++) {
      const cx = this.#cx, cy = this.#cy, hw = this.#hw, depth = this.#depth;
      const l = this.#lo[c], h = this.#hi[c];
      let sx = 0, sy = 0;
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      for (let t = l; t < h; t++) {
        const px = y[2 * perm[t]], py = y[2 * perm[t] + 1];
        sx += px;
        sy += py;
        if (px < x0) x0 = px;
        if (px > x1) x1 = px;
        if (py < y0) y0 = py;
        if (py > y1) y1 = py;
      }
      this.#comX[c] = sx / (h - l);
      this.#comY[c] = sy / (h - l);
      // The extent of the points themselves (never more than the cell's).
      const ext = Math.max(x1 - x0, y1 - y0);
      this.#width2[c] = ext * ext;
      this.#nChild[c] = 0;
      if (h - l <= 1 || depth[c] >= 48) continue;
      // Partition into quadrants 0..3 (bit 0: x >= cx, bit 1: y >= cy).
      qc.fill(0);
      for (let t = l; t < h; t++) {
        const p = perm[t];
        qc[(y[2 * p] >= cx[c] ? 1 : 0) | (y[2 * p + 1] >= cy[c] ? 2 : 0)]++;
      }
      start[0] = cur[0] = l;
      start[1] = cur[1] = l + qc[0];
      start[2] = cur[2] = start[1] + qc[1];
      start[3] = cur[3] = start[2] + qc[2];
      for (let t = l; t < h; t++) {
        const p = perm[t];
        tmp[
          cur[(y[2 * p] >= cx[c] ? 1 : 0) | (y[2 * p + 1] >= cy[c] ? 2 : 0)]++
        ] = p;
      }
      for (let t = l; t < h; t++) perm[t] = tmp[t];
      if (count + 4 > this.#cap) this.#grow(this.#cap * 2);
      this.#first[c] = count;
      const q = hw[c] / 2;
      for (let quad = 0; quad < 4; quad++) {
        if (qc[quad] === 0) continue;
        this.#lo[count] = start[quad];
        this.#hi[count] = start[quad] + qc[quad];
        this.#cx[count] = cx[c] + (quad & 1 ? q : -q);
        this.#cy[count] = cy[c] + (quad & 2 ? q : -q);
        this.#hw[count] = q;
        this.#depth[count] = depth[c] + 1;
        count++;
        this.#nChild[c]++;
      }
    }
    for (let t = 0; t < n; t++) this.#pos[perm[t]] = t;
    return count;
  }
}

/**
 * A dense row-major float64 matrix and the conversion from arrays of
 * vectors, with the checks every embed function shares.
 *
 * @module
 */

/** A dense row-major matrix: `rows * cols` values, row after row. */
export interface Matrix {
  /** Number of rows (points). */
  rows: number;
  /** Number of columns (dimensions). */
  cols: number;
  /** `rows * cols` values, row-major. */
  data: Float64Array;
}

/**
 * Copy an array of equal-length finite vectors into a matrix; throws a
 * TypeError/RangeError naming the first bad row.
 */
export function toMatrix(
  vectors: readonly ArrayLike<number>[],
  what = "vectors",
): Matrix {
  const rows = vectors.length;
  if (rows === 0) {
    throw new RangeError(`Cannot use ${what}: expected at least one vector`);
  }
  const cols = vectors[0].length;
  if (!(cols >= 1)) {
    throw new RangeError(
      `Cannot use ${what}: vector 0 has length ${cols}, expected at least 1`,
    );
  }
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const v = vectors[i];
    if (v.length !== cols) {
      throw new RangeError(
        `Cannot use ${what}: vector ${i} has length ${v.length}, expected ${cols} like vector 0`,
      );
    }
    for (let j = 0; j < cols; j++) {
      const x = v[j];
      if (!Number.isFinite(x)) {
        throw new RangeError(
          `Cannot use ${what}: vector ${i} has value "${x}" at index ${j}, expected a finite number`,
        );
      }
      data[i * cols + j] = x;
    }
  }
  return { rows, cols, data };
}

/** Standardize columns in place to mean 0 and standard deviation 1 (constant columns become 0). */
export function standardizeColumns(m: Matrix): Matrix {
  const { rows, cols, data } = m;
  for (let j = 0; j < cols; j++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += data[i * cols + j];
    mean /= rows;
    let ss = 0;
    for (let i = 0; i < rows; i++) {
      const d = data[i * cols + j] - mean;
      ss += d * d;
    }
    const sd = Math.sqrt(ss / rows);
    const inv = sd > 1e-12 * (Math.abs(mean) + 1) ? 1 / sd : 0;
    for (let i = 0; i < rows; i++) {
      data[i * cols + j] = (data[i * cols + j] - mean) * inv;
    }
  }
  return m;
}

/**
 * Turn a list of choice codes into vote counts (private), checking every
 * code.
 *
 * @module
 */

/** Vote counts of one item. */
export interface VoteCounts {
  /** Trials per option, length K. */
  counts: Uint32Array;
  /** T: all trials. */
  total: number;
  /** V: parsed trials. */
  parsed: number;
}

/** Count choice codes (0-based letters, -1 = unparsed) over K options. */
export function countVotes(
  votes: ArrayLike<number>,
  nOptions: number,
): VoteCounts {
  if (!Number.isInteger(nOptions) || nOptions < 2 || nOptions > 26) {
    throw new RangeError(
      `Cannot count votes over ${nOptions} options: expected an integer from 2 to 26`,
    );
  }
  const counts = new Uint32Array(nOptions);
  let parsed = 0;
  for (let t = 0; t < votes.length; t++) {
    const v = votes[t];
    if (v === -1) continue;
    if (!Number.isInteger(v) || v < 0 || v >= nOptions) {
      throw new RangeError(
        `Cannot count vote ${v} at position ${t}: expected -1 (unparsed) or an option index from 0 to ${
          nOptions - 1
        }`,
      );
    }
    counts[v]++;
    parsed++;
  }
  return { counts, total: votes.length, parsed };
}

/** Check an answer index against K. */
export function checkAnswer(answer: number, nOptions: number): void {
  if (!Number.isInteger(answer) || answer < 0 || answer >= nOptions) {
    throw new RangeError(
      `Cannot score against answer ${answer}: expected an option index from 0 to ${
        nOptions - 1
      }`,
    );
  }
}

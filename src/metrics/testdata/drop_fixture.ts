/**
 * Test helper: the hand-computed fixture shared by the accuracy, confidence,
 * calibration-shift and paired-drop tests (one trial unless listed; K = 4,
 * answer A = 0 everywhere).
 *
 *   #  question  sev  degradation     modality  votes      correct  C
 *   0  q1        L0   none            CT        A          1        1
 *   1  q1        L1   gaussian_noise  CT        A,B        .5       0.5
 *   2  q1        L2   gaussian_noise  CT        B          0        1
 *   3  q2        L0   none            CT        A,A,A,B    .75      0.5943609377704335
 *   4  q2        L1   motion_blur     CT        A          1        1
 *   5  q2        L2   motion_blur     CT        unparsed   0        0
 *   6  q3        L0   none            MRI       A          1        1
 *   7  q3        L2   gaussian_blur   MRI       C          0        1
 *   8  q4        L0   none            CT        (none)     -        -
 *   9  q4        L2   gaussian_noise  CT        A,A,B,B    .5       0.5
 *
 * C of A,B over K = 4: 1 - ln 2 / ln 4 = 0.5; of A,A,B,B the same.
 *
 * @module
 */
import { makeResults } from "./make_results.ts";
import type { Results } from "../../results/results.ts";

/** Build the fixture. */
export function dropFixture(): Results {
  return makeResults([
    { q: "q1", sev: 0 },
    { q: "q1", sev: 1, deg: "gaussian_noise" },
    { q: "q1", sev: 2, deg: "gaussian_noise" },
    { q: "q2", sev: 0, skill: "Counting" },
    { q: "q2", sev: 1, deg: "motion_blur", skill: "Counting" },
    { q: "q2", sev: 2, deg: "motion_blur", skill: "Counting" },
    { q: "q3", sev: 0, modality: "MRI" },
    { q: "q3", sev: 2, deg: "gaussian_blur", modality: "MRI" },
    { q: "q4", sev: 0, source: "T" },
    { q: "q4", sev: 2, deg: "gaussian_noise", source: "T" },
  ], {
    m: [[0], [0, 1], [1], [0, 0, 0, 1], [0], [-1], [0], [2], [], [0, 0, 1, 1]],
  });
}

// Test-only loader of the JSON fixtures next door (see README.md).
import type {
  CalibrationRow,
  DropRow,
  ModalityRow,
  ModelMeta,
  OverallRow,
  RankRow,
  ReliabilityBinRow,
} from "../types.ts";

function load<T>(name: string): T[] {
  return JSON.parse(
    Deno.readTextFileSync(new URL(`./${name}.json`, import.meta.url)),
  ) as T[];
}

export const models: ModelMeta[] = load<ModelMeta>("models");
export const overall: OverallRow[] = load<OverallRow>("overall");
export const calibration: CalibrationRow[] = load<CalibrationRow>(
  "calibration",
);
export const heatmapDegradation: DropRow[] = load<DropRow>(
  "heatmap_degradation",
);
export const heatmapSkill: DropRow[] = load<DropRow>("heatmap_skill");
export const modality: ModalityRow[] = load<ModalityRow>("modality");
export const reliability: ReliabilityBinRow[] = load<ReliabilityBinRow>(
  "reliability",
);
export const rankConsistency: RankRow[] = load<RankRow>("rank_consistency");

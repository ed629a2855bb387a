// Render every figure from the fixtures (paper numbers; modality and
// reliability rows are synthetic) to SVG and PNG, for looking at them:
//   deno run -A src/figures/testdata/gallery.ts [out-dir]
import * as F from "./fixtures.ts";
import {
  calibrationDots,
  dkeArrows,
  dropHeatmap,
  type FigureSvg,
  modalityRadar,
  rankBump,
  reliabilityDiagram,
  severityBars,
  writePng,
  writeSvg,
} from "../mod.ts";

const out = Deno.args[0] ?? "/tmp/medq-deg-figures";
const models = F.models;
const figures: Record<string, () => FigureSvg> = {
  severity_bars: () => severityBars(F.overall, { models }),
  severity_bars_by_group: () =>
    severityBars(F.overall, { models, arrange: "group" }),
  calibration_dots: () => calibrationDots(F.calibration, { models }),
  heatmap_degradation: () => dropHeatmap(F.heatmapDegradation, { models }),
  heatmap_skill: () =>
    dropHeatmap(F.heatmapSkill, { models, layout: "columns" }),
  radar: () => modalityRadar(F.modality, { models }),
  radar_overlay: () => modalityRadar(F.modality, { models, mode: "overlay" }),
  rank_bump: () => rankBump(F.rankConsistency, { models }),
  reliability: () => reliabilityDiagram(F.reliability, { models }),
  dke_arrows: () => dkeArrows(F.calibration, { models }),
};
await Deno.mkdir(out, { recursive: true });
for (const [name, make] of Object.entries(figures)) {
  const svg = make();
  await writeSvg(`${out}/${name}.svg`, svg);
  await writePng(`${out}/${name}.png`, svg, { scale: 1.5 });
  console.log(`${out}/${name}.png`);
}

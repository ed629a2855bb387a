import assert from "node:assert/strict";
import sharp from "sharp";
import {
  display,
  tableHtml,
  toHTML,
  toPng,
  toSvgString,
  writePng,
  writeSvg,
} from "./render.ts";
import {
  calibrationDots,
  dropHeatmap,
  type FigureSvg,
  modalityRadar,
  rankBump,
  reliabilityDiagram,
  severityBars,
} from "./mod.ts";
import * as F from "./testdata/fixtures.ts";

const figures: Record<string, () => FigureSvg> = {
  severity_bars: () => severityBars(F.overall, { models: F.models }),
  calibration_dots: () => calibrationDots(F.calibration, { models: F.models }),
  heatmap_degradation: () =>
    dropHeatmap(F.heatmapDegradation, { models: F.models }),
  radar: () => modalityRadar(F.modality, { models: F.models }),
  rank_bump: () => rankBump(F.rankConsistency, { models: F.models }),
  reliability: () => reliabilityDiagram(F.reliability, { models: F.models }),
};

async function pixelStats(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({
    resolveWithObject: true,
  });
  let sum = 0, sumSq = 0, white = 0;
  const n = info.width * info.height;
  for (let i = 0; i < data.length; i += info.channels) {
    const g = (data[i] + data[i + 1] + data[i + 2]) / 3;
    sum += g;
    sumSq += g * g;
    if (g === 255) white++;
  }
  const mean = sum / n;
  return {
    info,
    variance: sumSq / n - mean * mean,
    whiteShare: white / n,
    corner: [...data.subarray(0, 3)],
  };
}

Deno.test("every figure renders to a non-blank PNG on white, byte-identical twice", async () => {
  for (const [name, make] of Object.entries(figures)) {
    const svg = make();
    const png = await toPng(svg, { scale: 1 });
    assert.ok(png.length > 10_000, `${name}: ${png.length} bytes`);
    const stats = await pixelStats(png);
    assert.equal(stats.info.width, Number(svg.getAttribute("width")), name);
    assert.deepEqual(
      stats.corner,
      [255, 255, 255],
      `${name}: white background`,
    );
    assert.ok(stats.variance > 200, `${name}: variance ${stats.variance}`);
    assert.ok(
      stats.whiteShare > 0.3 && stats.whiteShare < 0.99,
      `${name}: white ${stats.whiteShare}`,
    );
    assert.deepEqual(
      await toPng(make(), { scale: 1 }),
      png,
      `${name}: deterministic PNG`,
    );
  }
});

Deno.test("toSvgString renumbers Plot's global ids and adds the namespace", () => {
  const a = toSvgString(figures.heatmap_degradation());
  const b = toSvgString(figures.heatmap_degradation());
  assert.equal(a, b);
  assert.match(a, /^<svg[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const fake = {
    tagName: "SVG",
    outerHTML:
      '<svg><clipPath id="plot-clip-17"/><g clip-path="url(#plot-clip-17)"/><use href="#plot-clip-23"/></svg>',
  } as FigureSvg;
  assert.equal(
    toSvgString(fake),
    '<svg xmlns="http://www.w3.org/2000/svg"><clipPath id="plot-clip-1"/><g clip-path="url(#plot-clip-1)"/><use href="#plot-clip-2"/></svg>',
  );
  assert.equal((a.match(/<svg/g) ?? []).length, 1 + 3); // root + colorbar + 2 panels
  assert.throws(
    () => toSvgString({ tagName: "FIGURE" } as FigureSvg),
    /Expected an <svg> element, got <figure>/,
  );
});

Deno.test("writeSvg and writePng write files; scale doubles the pixel size", async () => {
  const dir = await Deno.makeTempDir();
  const svg = figures.rank_bump();
  await writeSvg(`${dir}/f.svg`, svg);
  await writePng(`${dir}/f.png`, svg, { scale: 2 });
  assert.equal(
    await Deno.readTextFile(`${dir}/f.svg`),
    toSvgString(svg) + "\n",
  );
  const meta = await sharp(await Deno.readFile(`${dir}/f.png`)).metadata();
  assert.equal(meta.width, 2 * Number(svg.getAttribute("width")));
  await assert.rejects(
    () => writePng(`${dir}/g.png`, svg, { scale: 0 }),
    /scale to be a number in \(0, 10\], got 0/,
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("display and tableHtml give Jupyter bundles", () => {
  const shown = display(figures.radar());
  assert.ok(shown.outerHTML.startsWith("<svg"));
  const bundle =
    (shown[Symbol.for("Jupyter.display")] as () => Record<string, string>)();
  assert.equal(bundle["image/svg+xml"], shown.outerHTML);
  const t = tableHtml([{ model: "A<B", L0: 70.123456789, L1: null }, {
    model: "C",
    L0: 1,
    L1: 2,
  }], { limit: 1 });
  assert.match(t.outerHTML, /<th>model<\/th><th>L0<\/th><th>L1<\/th>/);
  assert.match(t.outerHTML, /<td>A&lt;B<\/td><td>70\.1235<\/td><td><\/td>/);
  assert.match(t.outerHTML, /1 more rows not shown/);
  const html =
    (t[Symbol.for("Jupyter.display")] as () => Record<string, string>)()[
      "text/html"
    ];
  assert.equal(html, t.outerHTML);
  const fromArquero = toHTML({ objects: () => [{ a: 1 }] });
  assert.match(fromArquero.outerHTML, /<td>1<\/td>/);
  assert.throws(
    () => tableHtml(42 as unknown as []),
    /array of row objects or an arquero table, got number/,
  );
});

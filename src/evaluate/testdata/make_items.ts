/**
 * Build a small results directory for tests: items.csv with `question`,
 * `options` and `image` columns, tiny PNGs made by sharp, and models.csv.
 *
 * @module
 */

import sharp from "sharp";

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Write `n` items (4 options each) into a new temp dir; returns the dir. */
export async function makeItemsDir(
  n: number,
  options: { model?: string; images?: number } = {},
): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "medq_eval_" });
  await Deno.mkdir(`${dir}/img`);
  const nImages = Math.min(n, options.images ?? n);
  for (let i = 0; i < nImages; i++) {
    await sharp({
      create: {
        width: 16 + (i % 5),
        height: 12,
        channels: 3,
        background: { r: (i * 37) % 256, g: 80, b: 120 },
      },
    }).png().toFile(`${dir}/img/${i}.png`);
  }
  const header =
    "item_id,question_id,source,modality,skill,degradation,severity,n_options,answer,question,options,image";
  const rows = [header];
  for (let i = 0; i < n; i++) {
    const opts = JSON.stringify(["Liver", "Spleen, left", "Kidney", "None"]);
    rows.push([
      `it${i}`,
      `q${i}`,
      "test",
      "CT",
      "Counting",
      "none",
      "0",
      "4",
      "ABCD"[i % 4],
      csvCell(`Question about item it${i}?`),
      csvCell(opts),
      `img/${i % nImages}.png`,
    ].join(","));
  }
  await Deno.writeTextFile(`${dir}/items.csv`, rows.join("\n") + "\n");
  await Deno.writeTextFile(
    `${dir}/models.csv`,
    `model,display_name,group\n${
      options.model ?? "fake-model"
    },Fake,open-source\n`,
  );
  return dir;
}

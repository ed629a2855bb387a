import assert from "node:assert/strict";
import { escapeHtml, htmlReport } from "./html_report.ts";

Deno.test("htmlReport() renders tables, figures and escapes text", () => {
  const html = htmlReport({
    title: "Repro <run>",
    intro: "a & b",
    sections: [{
      title: "Overall",
      text: "x<y",
      figures: [{ title: "Bars", svg: "<svg><rect/></svg>", caption: "c" }],
      tables: [{
        title: "Table 6",
        rows: [{ model: "m1", L0: 71.391, holds: true, p: null }, {
          model: "m2",
          L0: 0.0123456,
          holds: false,
          p: 0.5,
        }],
        href: "main/tables/overall.csv",
        limit: 1,
      }],
    }],
  });
  assert.ok(html.includes("<title>Repro &lt;run&gt;</title>"));
  assert.ok(html.includes("<p>a &amp; b</p>"));
  assert.ok(html.includes("<p>x&lt;y</p>"));
  assert.ok(html.includes("<svg><rect/></svg>"));
  assert.ok(html.includes('<td class="n">71.39</td>'));
  assert.ok(html.includes("<td>true</td>"));
  assert.ok(!html.includes("m2"), "limit must cut the second row");
  assert.ok(html.includes("1 more rows in the CSV."));
  assert.ok(html.includes('href="main/tables/overall.csv"'));
  assert.ok(html.includes('<a href="#overall">Overall</a>'));
  assert.ok(!/<script/i.test(html), "self-contained page has no scripts");
});

Deno.test("escapeHtml() escapes the four special characters", () => {
  assert.equal(
    escapeHtml(`<a href="x">&</a>`),
    "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;",
  );
});

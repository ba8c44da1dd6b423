import type { Breakdown, BreakdownScene } from "../breakdown-model.ts";
import { type BreakdownCategory, breakdownCategories, categoryStyles } from "../categories.ts";
import { formatEighths } from "../eighths.ts";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function categoryBox(
  scene: BreakdownScene,
  category: BreakdownCategory,
  castNumbers: Map<string, number>,
): string {
  const items = scene.elements.filter((element) => element.category === category);
  if (items.length === 0) return "";
  const names = items.map((element) => {
    const number = category === "cast" ? castNumbers.get(element.name) : undefined;
    return `<li>${number ? `${number}. ` : ""}${escapeHtml(element.name)}</li>`;
  });
  const mark = categoryStyles[category].mark;
  return `<section class="category ${category}${mark ? ` mark-${mark}` : ""}"><h3>${escapeHtml(categoryStyles[category].label)}</h3><ul>${names.join("")}</ul></section>`;
}

function sheet(scene: BreakdownScene, breakdown: Breakdown, castNumbers: Map<string, number>): string {
  const boxes = breakdownCategories.map((category) => categoryBox(scene, category, castNumbers)).join("");
  return `<article class="sheet">
<header><h1>${escapeHtml(breakdown.title ?? "Breakdown")}</h1><h2>Scene ${escapeHtml(scene.number)}: ${escapeHtml(scene.heading)}</h2>
<dl><dt>Int/Ext</dt><dd>${scene.intExt ?? "—"}</dd><dt>Set</dt><dd>${escapeHtml(scene.set)}</dd><dt>Time</dt><dd>${escapeHtml(scene.timeOfDay ?? "—")}</dd>
<dt>Story day</dt><dd>${scene.storyDay ?? "—"}</dd><dt>Page</dt><dd>${scene.page}</dd><dt>Length</dt><dd>${formatEighths(scene.eighths)} pgs</dd></dl>
<p class="synopsis">${escapeHtml(scene.synopsis)}</p></header>
<div class="categories">${boxes}</div>
</article>`;
}

/**
 * Printable breakdown sheets, one scene a page, each category in its conventional colour (cast red,
 * extras green, stunts orange, vehicles pink, props purple, SFX blue, wardrobe circled, makeup with
 * an asterisk…). `colors` overrides the colour of any category.
 */
export function breakdownSheetsHtml(
  breakdown: Breakdown,
  options: { colors?: Partial<Record<BreakdownCategory, string>> } = {},
): string {
  const castNumbers = new Map(
    breakdown.characters.map((character) => [character.name, character.castNumber]),
  );
  const colours = breakdownCategories
    .map(
      (category) => `.${category}{--colour:${options.colors?.[category] ?? categoryStyles[category].color}}`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(breakdown.title ?? "Breakdown")} — breakdown sheets</title>
<style>
body{font-family:"Courier Prime",Courier,monospace;margin:0;color:#111}
.sheet{padding:0.5in;page-break-after:always;break-after:page}
.sheet header h1{font-size:14pt;margin:0}.sheet header h2{font-size:12pt}
dl{display:grid;grid-template-columns:repeat(6,auto auto);gap:2px 8px;font-size:10pt}dt{font-weight:bold}dd{margin:0}
.categories{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}
.category{border:2px solid var(--colour);padding:4px 8px;break-inside:avoid}
.category h3{margin:0;font-size:10pt;color:var(--colour);text-transform:uppercase}
.category ul{margin:4px 0;padding-left:16px;font-size:10pt}
.mark-circle li{list-style:circle}.mark-asterisk li::marker{content:"* "}.mark-box li{list-style:square}.mark-underline li{text-decoration:underline}
${colours}
@media print{@page{size:letter;margin:0}.sheet{min-height:10in}}
</style></head><body>
${breakdown.scenes.map((scene) => sheet(scene, breakdown, castNumbers)).join("\n")}
</body></html>
`;
}

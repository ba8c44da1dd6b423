import { describe, expect, it } from "vitest";
import { buildBreakdown } from "../breakdown/build-breakdown.ts";
import { createOfflineExtractor } from "../extract/offline-extractor.ts";
import { parseFountain } from "../fountain/parse-fountain.ts";
import { applyCorrections, type Correction } from "./apply-corrections.ts";

const draft = `EXT. OSHODI - DAY\n\nTUNDE hails a danfo. He carries a bag of oranges.\n\nINT. OFFICE - DAY\n\nTunde sits at a desk.`;

describe("applyCorrections", () => {
  it("adds, removes and recategorises by scene key and name, and survives a re-run on a renumbered script", async () => {
    const extractor = createOfflineExtractor();
    const first = await buildBreakdown({ screenplay: parseFountain(draft), extractor });
    const [oshodi, office] = first.scenes;
    expect(oshodi?.elements.some((element) => element.name === "bag")).toBe(true);
    const corrections: Correction[] = [
      { kind: "add", sceneKey: oshodi?.key ?? "", category: "props", name: "oranges" },
      { kind: "remove", sceneKey: oshodi?.key ?? "", category: "props", name: "bag" },
      { kind: "recategorise", sceneKey: office?.key ?? "", name: "desk", from: "set_dressing", to: "props" },
      { kind: "remove", sceneKey: "9 EXT. NOWHERE - DAY", category: "props", name: "ghost" },
    ];
    const rewritten = `INT. NEW OPENING - NIGHT\n\nA cat.\n\n${draft}`;
    const fresh = await buildBreakdown({ screenplay: parseFountain(rewritten), extractor });
    const { breakdown, unapplied } = applyCorrections(fresh, corrections);
    const names = (index: number) =>
      breakdown.scenes[index]?.elements.map((element) => `${element.category}:${element.name}`);
    expect(names(1)).toContain("props:oranges");
    expect(names(1)).not.toContain("props:bag");
    expect(names(2)).toContain("props:desk");
    expect(names(2)).not.toContain("set_dressing:desk");
    expect(unapplied).toEqual([corrections[3]]);
    expect(fresh.scenes[1]?.elements.some((element) => element.name === "bag")).toBe(true);
  });
});

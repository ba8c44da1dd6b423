import { describe, expect, it } from "vitest";
import { parseSceneHeading } from "./scene-heading.ts";

describe("parseSceneHeading", () => {
  it("reads the prefix, set, location and time of day", () => {
    expect(parseSceneHeading("INT. BLOOM HOUSE - KITCHEN - NIGHT (1973)")).toEqual({
      intExt: "INT",
      set: "BLOOM HOUSE - KITCHEN",
      location: "BLOOM HOUSE",
      timeOfDay: "NIGHT",
    });
  });

  it("finds the time of day behind an era note", () => {
    expect(parseSceneHeading("INT./EXT.  BLOOM HOUSE - (PRESENT) DAY")).toEqual({
      intExt: "INT/EXT",
      set: "BLOOM HOUSE",
      location: "BLOOM HOUSE",
      timeOfDay: "DAY",
    });
    expect(parseSceneHeading("EXT. DANFO PARK - (1985) (FLASHBACK) NIGHT").timeOfDay).toBe("NIGHT");
  });

  it("leaves a set that merely ends in a parenthesis alone", () => {
    expect(parseSceneHeading("INT. MAMA PUT'S STALL - (BACK ROOM)")).toMatchObject({
      set: "MAMA PUT'S STALL",
      timeOfDay: null,
    });
  });
});

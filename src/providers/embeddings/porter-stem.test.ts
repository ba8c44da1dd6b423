import { expect, test } from "vitest";
import { porterStem } from "./porter-stem.ts";

test("stems as in Porter's paper, one example per step", () => {
  const examples: Record<string, string> = {
    caresses: "caress",
    ponies: "poni",
    agreed: "agre",
    plastered: "plaster",
    hopping: "hop",
    filing: "file",
    happy: "happi",
    relational: "relat",
    vietnamization: "vietnam",
    hopefulness: "hope",
    electrical: "electr",
    triplicate: "triplic",
    adjustment: "adjust",
    adoption: "adopt",
    communism: "commun",
    probate: "probat",
    rate: "rate",
    controll: "control",
    generalizations: "gener",
  };
  expect(Object.fromEntries(Object.keys(examples).map((word) => [word, porterStem(word)]))).toEqual(examples);
});

test("joins a noun and its verb where the light stemmer cannot, and leaves short words alone", () => {
  expect(porterStem("graduation")).toBe(porterStem("graduate"));
  expect(porterStem("savings")).toBe(porterStem("saving"));
  expect(porterStem("is")).toBe("is");
});

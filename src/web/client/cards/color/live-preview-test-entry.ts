// The live preview's modules for the headless-browser test (`live-grade-preview.test.ts`), bundled by Vite.
export { fetchCreativeLut } from "./creative-lut.ts";
export { compileLiveGrade } from "./live-grade-lut.ts";
export { createLutRenderer } from "./lut-renderer.ts";

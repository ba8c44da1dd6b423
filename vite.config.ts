import path from "node:path";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = path.resolve(import.meta.dirname, "src/web/client");

/**
 * The web client: sources in `src/web/client`, built into `dist/client`, which the server serves. `npm run dev`
 * serves it from its sources through Vite's middleware inside the studio's own server (one port, no proxy).
 */
export default defineConfig({
  root,
  plugins: [react(), tailwindcss()],
  build: {
    outDir: path.resolve(import.meta.dirname, "dist/client"),
    emptyOutDir: true,
    sourcemap: true,
  },
});

#!/usr/bin/env node
// `npm start`: builds the web client when it is missing or older than its sources, then serves the studio.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const clientSource = path.join(root, "src/web/client");
const clientBuild = path.join(root, "dist/client/index.html");

function newestChange(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (existsSync(path.join(clientSource, "index.html"))) {
  const stale = !existsSync(clientBuild) || statSync(clientBuild).mtimeMs < newestChange(clientSource);
  if (stale) {
    console.log("Building the web app…");
    const result = spawnSync(process.execPath, [path.join(root, "node_modules/vite/bin/vite.js"), "build"], {
      cwd: root,
      stdio: "inherit",
    });
    if (result.status !== 0) {
      console.error("The web app did not build; the API will still start with a placeholder page.");
    }
  }
}

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "src/main.ts"));

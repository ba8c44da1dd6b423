#!/usr/bin/env node
// The `nollyai` command: runs the TypeScript CLI through tsx (Node 20 has no type stripping).
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "src/cli/main.ts"));

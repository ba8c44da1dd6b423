export { createOfflineModel, type OfflineModelOptions, type ToolHint } from "./offline-model.ts";

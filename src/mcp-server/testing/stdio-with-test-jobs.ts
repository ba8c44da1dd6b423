/**
 * TEST ONLY entry point: the real stdio server (as `npm run mcp` starts it) serving the registry plus the
 * long test tool, with the in-process test job service. Spawned by the stdio tests to follow progress.
 */
import { tools } from "../../tools/index.ts";
import { runStdioServer } from "../stdio.ts";
import { renderTestReelTool, renderTestReelWork } from "./long-test-tool.ts";
import { createTestJobService } from "./test-job-service.ts";

const { closed } = await runStdioServer({
  tools: [...tools, renderTestReelTool],
  jobs: createTestJobService({ "render-test-reel": renderTestReelWork }),
});
await closed;
process.exit(0);

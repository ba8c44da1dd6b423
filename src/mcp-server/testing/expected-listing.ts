import { z } from "zod";
import type { Tool } from "../../tools/tool.ts";

/** What `tools/list` must show for each tool: its name and the JSON Schema of its own zod input schema. */
export function expectedListing(tools: readonly Tool[]) {
  return tools.map((tool) => ({
    name: tool.name,
    inputSchema: z.toJSONSchema(tool.inputSchema, { target: "draft-7", io: "input" }),
  }));
}

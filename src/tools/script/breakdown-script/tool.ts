import { z } from "zod";
import { AppError } from "../../../lib/errors.ts";
import { estimateExtraction, scenesForExtraction } from "../../../media/script/index.ts";
import { jobHandleView } from "../../job-handle.ts";
import { defineTool } from "../../tool.ts";
import { readScreenplay } from "../read-screenplay.ts";
import { modelExtractionCredits, offlineExtractionCredits, tokensPerCredit } from "../script-model.ts";
import { type BreakdownScriptJobInput, breakdownScriptInput } from "./breakdown-script-input.ts";

export const breakdownScriptTool = defineTool({
  name: "breakdown-script",
  title: "Break down a script",
  description: `Breaks a screenplay of the project (Fountain, Final Draft .fdx, PDF with text, plain text) down for production, as a durable job: scenes with set, day/night, pages in eighths and story day; cast with numbers; and the elements of each scene (props, extras, stunts, vehicles, wardrobe, makeup, SFX, VFX, animals, sound, music…). Stores the breakdown (re-applying the user's corrections) and writes breakdown JSON, a CSV of all elements with their category, printable breakdown sheets (PDF with a stripboard one-liner, and HTML), a one-liner, a cast list, a day-out-of-days and a tagged Final Draft file. Use it when the user asks to break down, tag or analyse a script for scheduling or budgeting; afterwards answer questions with list-scenes, get-scene, find-elements and get-cast-report. extractor "offline" (default) uses built-in rules and costs ${offlineExtractionCredits} credit; "model" uses the language model (more complete, only when one is configured) and costs one credit per started ${tokensPerCredit.toLocaleString("en")} tokens, estimated before it runs (the estimate is in the answer).`,
  inputSchema: breakdownScriptInput,
  outputSchema: jobHandleView.extend({
    extractor: z.enum(["offline", "model"]),
    estimate: z.object({ chunks: z.number(), inputTokens: z.number(), outputTokens: z.number() }).nullable(),
  }),
  cost: (input) => (input.extractor === "model" ? 1 : offlineExtractionCredits),
  annotations: { readOnly: false, destructive: false, longRunning: true, idempotent: true },
  examples: [
    "break down my script",
    "do a script breakdown of the screenplay",
    "tag the props and cast in the script",
    "analyse the screenplay for scheduling",
    "make breakdown sheets for the film",
    "abeg break down the script make I see wetin we need",
    "run the breakdown again with the AI model",
  ],
  async execute(context, input) {
    // Everything wrong with the file is found here, before credits are reserved.
    const { file, screenplay } = await readScreenplay({
      transaction: context.transaction,
      storage: context.storage,
      fileId: input.fileId,
    });
    let estimate = null;
    let estimatedCredits = offlineExtractionCredits;
    if (input.extractor === "model") {
      if (typeof context.services.scriptModel?.generate !== "function") {
        throw new AppError(
          "unavailable:script_model",
          'No language model is configured on this server, so the "model" extractor cannot run. Use the offline extractor, or ask the administrator to set a model key.',
        );
      }
      estimate = estimateExtraction(scenesForExtraction(screenplay).scenes);
      estimatedCredits = modelExtractionCredits(estimate);
    }
    const jobInput: BreakdownScriptJobInput = { ...input, projectId: file.projectId };
    const handle = await context.jobs.enqueue({
      userId: context.user.id,
      projectId: file.projectId,
      tool: "breakdown-script",
      input: jobInput,
      estimatedCredits,
    });
    return { ...handle, extractor: input.extractor, estimate };
  },
});

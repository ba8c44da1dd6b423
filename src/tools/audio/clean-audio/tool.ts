import { z } from "zod";
import { getFile } from "../../../db/queries/files.ts";
import { AppError, isAppError } from "../../../lib/errors.ts";
import { jobHandleView } from "../../job-handle.ts";
import { defineTool } from "../../tool.ts";
import { parseCleanOptions } from "../parse-clean-options.ts";
import {
  type CleanAudioJobInput,
  cleanAudioInput,
  rejectedFile,
  requestedFileIds,
} from "./clean-audio-input.ts";
import { prepareCleanFile } from "./prepare-clean-file.ts";

type JobFile = CleanAudioJobInput["files"][number];
type Rejected = z.infer<typeof rejectedFile>;

export const cleanAudioTool = defineTool({
  name: "clean-audio",
  title: "Clean dialogue audio",
  description:
    "Cleans the audio of one or many project files (audio, or video whose picture is kept untouched) as a durable job: removes background/generator noise, mains or generator hum (50/60 Hz), clicks, harsh S sounds, hall echo (dereverb), and normalises loudness (ebu-r128 broadcast −23, podcast −16, streaming −14 LUFS, −1 dBTP). Saves each cleaned file and before/after waveforms as new project files and reports loudness before/after. Costs 1 credit per started minute per file. Files with no audio stream or unreadable files are refused before anything is charged and listed in `rejected`; the good files of a batch still run. Use analyze-audio first to see what is wrong, and preview-clean to hear the first 10 s for free.",
  inputSchema: cleanAudioInput,
  outputSchema: jobHandleView.extend({ rejected: z.array(rejectedFile) }),
  cost: (input) => requestedFileIds(input).length,
  annotations: { readOnly: false, destructive: false, longRunning: true, idempotent: false },
  examples: [
    "remove the generator noise",
    "clean up the dialogue audio",
    "make it podcast loud",
    "remove the hall echo",
    "the hall echo too much, clean am",
    "remove the hum from the interview",
    "abeg clean this audio, the gen noise dey too loud",
    "normalise the audio for broadcast",
    "clean all the sound files for this scene",
    "fix the noisy audio on the video",
  ],
  async execute(context, input) {
    const options = parseCleanOptions(input);
    const accepted: JobFile[] = [];
    const rejected: Rejected[] = [];
    let projectId: string | undefined;
    for (const fileId of requestedFileIds(input)) {
      const file = await context.transaction((tx) => getFile(tx, fileId));
      if (projectId !== undefined && file.projectId !== projectId) {
        throw new AppError(
          "bad_request:files",
          "All files of one clean must belong to the same project; run one clean per project.",
        );
      }
      projectId = file.projectId;
      try {
        accepted.push(
          await prepareCleanFile({
            paths: context.ffmpeg,
            path: await context.storage.localPath(file.storageKey),
            file,
            format: input.format,
          }),
        );
      } catch (error) {
        if (!isAppError(error) || !error.isClientFault) throw error;
        rejected.push({ fileId, name: file.name, error: { code: error.code, message: error.message } });
      }
    }
    if (accepted.length === 0 || projectId === undefined) {
      const reasons = rejected.map((entry) => entry.error.message).join(" ");
      throw new AppError(
        rejected[0]?.error.code.startsWith("bad_request") ? "bad_request:audio" : "unprocessable:audio",
        reasons,
        {
          details: { rejected },
        },
      );
    }
    const jobInput: CleanAudioJobInput = { projectId, files: accepted, options };
    const handle = await context.jobs.enqueue({
      userId: context.user.id,
      projectId,
      tool: "clean-audio",
      input: jobInput,
      estimatedCredits: accepted.reduce((sum, file) => sum + file.credits, 0),
    });
    return { ...handle, rejected };
  },
});

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getFile } from "../../../db/queries/files.ts";
import { defineJob, type JobRunContext } from "../../../jobs/define-job.ts";
import { isAppError } from "../../../lib/errors.ts";
import { cleanAudio } from "../../../media/audio/index.ts";
import { saveGeneratedFile } from "../../../storage/save-generated-file.ts";
import { jobFfmpegPaths } from "../../job-ffmpeg.ts";
import { toCleanReportView } from "../audio-views.ts";
import { saveWaveforms } from "../save-waveforms.ts";
import {
  type CleanAudioJobInput,
  type CleanAudioOutput,
  type CleanedFileResult,
  cleanAudioJobInput,
} from "./clean-audio-input.ts";
import { abortCleans, withCleanSignal } from "./running-cleans.ts";

type JobFile = CleanAudioJobInput["files"][number];

/**
 * Cleans one file and saves the cleaned file and its waveforms. A client fault (the file turned out to be
 * truncated or undecodable) is the file's result, so the batch goes on; anything else is thrown and retried.
 */
async function cleanOneFile(
  context: JobRunContext<CleanAudioJobInput>,
  file: JobFile,
  step: string,
  progress: (fraction: number, message?: string) => Promise<void>,
): Promise<CleanedFileResult> {
  const { input, transaction, storage, userId, services } = context;
  const directory = await mkdtemp(path.join(os.tmpdir(), "nollyai-clean-"));
  try {
    const source = await transaction((tx) => getFile(tx, file.fileId));
    const output = path.join(directory, file.output.name);
    let reported = 0;
    let pending = Promise.resolve();
    const localPath = await storage.localPath(source.storageKey);
    const report = await withCleanSignal(context.jobId, (signal) =>
      cleanAudio(jobFfmpegPaths(services), {
        input: localPath,
        output,
        options: input.options,
        format: file.format,
        waveformsFolder: directory,
        signal,
        onProgress: ({ percent, stage }) => {
          if (percent - reported < 5 && percent < 100) return;
          reported = percent;
          pending = pending.then(() => progress(percent / 100, `${file.name}: ${stage} ${percent}%`));
        },
      }),
    );
    await pending;
    if (!report.waveforms) throw new Error("the clean wrote no waveforms");
    const saveContext = {
      transaction,
      storage,
      userId,
      projectId: input.projectId,
      jobOutput: { jobId: context.jobId, step },
    };
    const cleaned = await saveGeneratedFile({ ...saveContext, ...file.output, content: { path: output } });
    const waveforms = await saveWaveforms(saveContext, report.waveforms, path.parse(file.output.name).name);
    return {
      ok: true,
      fileId: file.fileId,
      name: file.name,
      cleanedFileId: cleaned.id,
      cleanedKind: file.output.kind,
      waveforms,
      report: toCleanReportView(report),
      credits: file.credits,
    };
  } catch (error) {
    if (!isAppError(error) || !error.isClientFault) throw error;
    return {
      ok: false,
      fileId: file.fileId,
      name: file.name,
      error: { code: error.code, message: error.message },
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * `clean-audio`: one step per file (per-file progress); a file that fails records its error and the others go
 * on. Only files that came out are charged.
 */
export const cleanAudioJob = defineJob({
  tool: "clean-audio",
  label: "Audio clean-up",
  inputSchema: cleanAudioJobInput,
  actualCost: (output: CleanAudioOutput, reserved) =>
    Math.min(
      reserved,
      output.files.reduce((sum, file) => sum + (file.ok ? file.credits : 0), 0),
    ),
  // stops a clean running in this process now; the executor stops the job at its next step anyway
  onCancel: async ({ jobId }) => {
    abortCleans(jobId);
  },
  async run(context): Promise<CleanAudioOutput> {
    const { files } = context.input;
    const results: CleanedFileResult[] = [];
    for (const [index, file] of files.entries()) {
      const stepId = `clean-file-${index}`;
      const result = await context.step.run(
        stepId,
        (progress) => cleanOneFile(context, file, stepId, progress),
        {
          progress: Math.round(((index + 1) / files.length) * 100),
          message: `Cleaned ${file.name} (${index + 1} of ${files.length})`,
        },
      );
      results.push(result);
    }
    return { files: results };
  },
});

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getFile } from "../../../db/queries/files.ts";
import { defineJob } from "../../../jobs/define-job.ts";
import { compileGrade, formatCube, gradeStillFile, gradeVideo } from "../../../media/color/index.ts";
import { saveGeneratedFile } from "../../../storage/save-generated-file.ts";
import { jobFfmpegPaths } from "../../job-ffmpeg.ts";
import { insertGradeVersion } from "../grade-queries.ts";
import { loadCubeFile } from "../load-cube.ts";
import { lookName } from "../look-name.ts";
import { resolveGrade } from "../resolve-grade.ts";
import { type GradeMediaOutput, gradeMediaJobInput } from "./grade-media-input.ts";

/**
 * `grade-media`: compile the grade to a LUT and save it as a .cube project file; grade the source with
 * that very file (so the render and the LUT handed to the user agree); record a grade version.
 */
export const gradeMediaJob = defineJob({
  tool: "grade-media",
  label: "Colour grade",
  inputSchema: gradeMediaJobInput,
  async run({ input, step, transaction, storage, userId, services, jobId }): Promise<GradeMediaOutput> {
    const look = lookName(input);
    const lutFileId = await step.run(
      "compile-lut",
      async () => {
        const grade = await resolveGrade({ transaction, storage, spec: input });
        const lut = compileGrade(grade, { size: input.lutSize, title: `NollyAI ${look}` });
        const saved = await saveGeneratedFile({
          transaction,
          storage,
          userId,
          projectId: input.projectId,
          name: `${path.parse(input.outputName).name}.cube`,
          kind: "lut",
          mimeType: "text/x-cube-lut",
          content: { bytes: formatCube(lut, { title: `NollyAI ${look}` }) },
          jobOutput: { jobId, step: "compile-lut" },
        });
        return saved.id;
      },
      { progress: 5, message: "Compiled the grade to a LUT" },
    );

    const gradedFileId = await step.run(
      "grade",
      async (progress) => {
        const source = await transaction((tx) => getFile(tx, input.fileId));
        const sourcePath = await storage.localPath(source.storageKey);
        const directory = await mkdtemp(path.join(os.tmpdir(), "nollyai-grade-"));
        try {
          const output = path.join(directory, input.outputName);
          if (input.mediaKind === "image") {
            const { lut } = await loadCubeFile({ transaction, storage, fileId: lutFileId });
            await gradeStillFile({ input: sourcePath, output, lut });
          } else {
            // ffmpeg reads the saved .cube itself: no parse, re-format and temporary copy of the same data.
            const lutFile = await transaction((tx) => getFile(tx, lutFileId));
            const cubeFile = await storage.localPath(lutFile.storageKey);
            let reported = 0;
            let pending = Promise.resolve();
            await gradeVideo({
              paths: jobFfmpegPaths(services),
              input: sourcePath,
              output,
              lut: { cubeFile },
              codec: input.codec,
              ...(input.range ? { range: input.range } : {}),
              onProgress: ({ fraction }) => {
                if (fraction - reported < 0.05 && fraction < 1) return;
                reported = fraction;
                pending = pending.then(() => progress(fraction, `Grading: ${Math.round(fraction * 100)}%`));
              },
            });
            await pending;
          }
          const saved = await saveGeneratedFile({
            transaction,
            storage,
            userId,
            projectId: input.projectId,
            name: input.outputName,
            kind: input.mediaKind,
            mimeType: input.mimeType,
            content: { path: output },
            jobOutput: { jobId, step: "grade" },
          });
          return saved.id;
        } finally {
          await rm(directory, { recursive: true, force: true });
        }
      },
      { progress: 90, message: "Rendered the graded file" },
    );

    const version = await step.run(
      "record-version",
      async () => {
        const {
          fileId,
          preset,
          userPreset,
          adjustments,
          lutFileId: creativeLutFileId,
          lutMix,
          inputColorSpace,
        } = input;
        const recorded = await transaction((tx) =>
          insertGradeVersion(tx, {
            ownerId: userId,
            projectId: input.projectId,
            fileId,
            grade: {
              spec: {
                preset,
                userPreset,
                adjustments,
                lutFileId: creativeLutFileId,
                lutMix,
                inputColorSpace,
              },
              gradedFileId,
              lutFileId,
            },
            note: input.note,
          }),
        );
        return recorded.version;
      },
      { progress: 100, message: "Saved the grade version" },
    );
    return { gradedFileId, lutFileId, version, lookName: look, mediaKind: input.mediaKind };
  },
});

import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import { jobHandleView } from "../job-handle.ts";
import { fileIdInput } from "../shared-schemas.ts";
import { defineTool } from "../tool.ts";
import { gradeMediaInput } from "./grade-media/grade-media-input.ts";
import { prepareGradeJob } from "./grade-media/tool.ts";
import { listGradeVersions } from "./grade-queries.ts";

export const copyGradeTool = defineTool({
  name: "copy-grade",
  title: "Copy a grade to other shots",
  description:
    "Renders the grade of one shot (its latest grade version, or the version given) onto other images or videos, one grade-media job per shot, so a scene matches. Every shot is checked before any credits are reserved; each costs what grade-media costs (1 credit per image, 2 per started minute of video).",
  inputSchema: z.object({
    fileId: fileIdInput.describe("the shot whose grade to copy"),
    version: z.int().min(1).optional().describe("the grade version to copy; the latest by default"),
    toFileIds: z.array(fileIdInput).min(1).max(20).describe("the shots to grade the same way"),
  }),
  outputSchema: z.object({
    version: z.number(),
    jobs: z.array(jobHandleView.extend({ fileId: z.string() })),
  }),
  cost: () => 2,
  annotations: { readOnly: false, destructive: false, longRunning: true, idempotent: false },
  examples: [
    "apply the same grade to the other shots",
    "copy this look to scene 2 clips",
    "make all the shots match this one",
    "use the same colour for the rest",
  ],
  async execute(context, input) {
    const versions = await context.transaction((tx) => listGradeVersions(tx, input.fileId));
    const chosen = input.version
      ? versions.find((version) => version.version === input.version)
      : versions[0];
    if (!chosen) {
      throw new AppError(
        "not_found:grade_version",
        input.version
          ? `That shot has no grade version ${input.version}; list its grade versions.`
          : "That shot has not been graded yet; grade it with grade-media first.",
      );
    }
    const spec = z.object({ spec: z.record(z.string(), z.unknown()) }).parse(chosen.grade).spec;
    const requests = [];
    for (const fileId of input.toFileIds) {
      const request = gradeMediaInput.parse({
        ...spec,
        fileId,
        note: `copied from version ${chosen.version}`,
      });
      requests.push({ fileId, request: await prepareGradeJob(context, request) });
    }
    const jobs = [];
    for (const { fileId, request } of requests)
      jobs.push({ fileId, ...(await context.jobs.enqueue(request)) });
    return { version: chosen.version, jobs };
  },
});

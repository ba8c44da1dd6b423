import { z } from "zod";
import type { Tool } from "../../src/tools/tool.ts";

/** What the tool-choice evals need of a tool: its declaration, never its `execute`. */
export type ToolDeclaration = Pick<
  Tool,
  "name" | "title" | "description" | "inputSchema" | "annotations" | "examples"
>;

const projectId = z.uuid().describe("the project; defaults to the open project");
const fileId = (what: string) => z.uuid().describe(`the ${what} file`);
const jobId = z.uuid().describe("the job's id (from the project's recent jobs)");
const presets = [
  "natural",
  "warm",
  "cool",
  "teal-orange",
  "bleach-bypass",
  "noir",
  "golden-hour",
  "nollywood-pop",
] as const;

const readOnly = { readOnly: true, destructive: false, longRunning: false, idempotent: true };
const job = { readOnly: false, destructive: false, longRunning: true, idempotent: false };

/**
 * Declarations of tools that colleagues are building (media and job tools), as the evals expect them.
 * They let the offline model's generality be measured now; once a tool with the same name is in the
 * registry, the registered declaration replaces this one.
 */
export const plannedTools: ToolDeclaration[] = [
  {
    name: "search-project",
    title: "Search the project",
    description:
      "Finds the passages of the project's own material (screenplay scenes, breakdowns, notes) that mention something or best answer a question, with their sources.",
    inputSchema: z.object({ projectId, query: z.string().min(1).describe("what to look for") }),
    annotations: readOnly,
    examples: ["search the project for the wedding", "find where Karl shows up in the script"],
  },
  {
    name: "breakdown-script",
    title: "Break down a script",
    description:
      "Breaks down a screenplay into scenes, characters, locations and elements (props, wardrobe, vehicles, animals) for scheduling and budgeting.",
    inputSchema: z.object({ projectId: projectId.optional(), fileId: fileId("screenplay") }),
    annotations: job,
    examples: ["break down my script", "do the script breakdown", "breakdown the screenplay abeg"],
  },
  {
    name: "list-scenes",
    title: "List scenes",
    description: "Lists the scenes of a broken-down screenplay with number, INT/EXT, set and time of day.",
    inputSchema: z.object({ projectId: projectId.optional(), fileId: fileId("screenplay").optional() }),
    annotations: readOnly,
    examples: ["list the scenes", "show me all the scenes", "how many scenes are in the script"],
  },
  {
    name: "get-scene",
    title: "Get a scene",
    description: "Gets one scene of the breakdown by its scene number: its set, characters and elements.",
    inputSchema: z.object({
      projectId: projectId.optional(),
      sceneNumber: z.number().int().min(1).describe("the scene number"),
    }),
    annotations: readOnly,
    examples: ["show me scene 12", "open scene 4", "details of scene 7"],
  },
  {
    name: "find-elements",
    title: "Find elements",
    description:
      "Finds the scenes that need a given element (a prop, animal, vehicle, costume or extra) from the breakdown.",
    inputSchema: z.object({
      projectId: projectId.optional(),
      element: z.string().min(1).describe("the element to look for, e.g. goat, generator, police uniform"),
    }),
    annotations: readOnly,
    examples: [
      "which scenes need the goat?",
      "where do we need the generator",
      "find scenes with a motorcycle",
    ],
  },
  {
    name: "get-cast-report",
    title: "Get the cast report",
    description:
      "Reports each character (cast member) of the screenplay with the scenes and shooting days they appear in.",
    inputSchema: z.object({ projectId: projectId.optional(), fileId: fileId("screenplay").optional() }),
    annotations: readOnly,
    examples: [
      "give me the cast report",
      "which characters are in my script",
      "list the actors and their scenes",
    ],
  },
  {
    name: "grade-media",
    title: "Colour grade media",
    description:
      "Colour grades a video or image with a preset look and/or adjustments (exposure, contrast, saturation, temperature).",
    inputSchema: z.object({
      fileId: fileId("video or image"),
      preset: z.enum(presets).optional().describe("a preset look"),
      exposure: z.number().min(-4).max(4).optional().describe("exposure change in stops"),
      contrast: z.number().min(-1).max(1).optional(),
      saturation: z.number().min(-1).max(1).optional(),
      temperature: z.number().min(-1).max(1).optional().describe("warmer (positive) or cooler (negative)"),
    }),
    annotations: job,
    examples: [
      "grade the footage warm",
      "colour grade my video with the teal orange look",
      "make the clip brighter",
    ],
  },
  {
    name: "preview-grade",
    title: "Preview a grade",
    description: "Renders a quick preview frame of a grade on a video or image before the full grade is run.",
    inputSchema: z.object({ fileId: fileId("video or image"), preset: z.enum(presets).optional() }),
    annotations: readOnly,
    examples: [
      "preview the noir look on my clip",
      "show me a preview of the grade first",
      "try the warm look quick",
    ],
  },
  {
    name: "list-presets",
    title: "List grading presets",
    description: "Lists the colour grading preset looks available.",
    inputSchema: z.object({}),
    annotations: readOnly,
    examples: ["what grading presets do you have", "list the colour looks", "which presets can I use"],
  },
  {
    name: "match-to-reference",
    title: "Match to a reference",
    description: "Grades a video or image so its colours match a reference image or clip.",
    inputSchema: z.object({
      fileId: fileId("video or image to grade"),
      referenceFileId: fileId("reference"),
    }),
    annotations: job,
    examples: ["match this clip to the reference photo", "make my footage look like this still"],
  },
  {
    name: "export-lut",
    title: "Export a LUT",
    description: "Exports a grading preset as a .cube 3D LUT for Resolve, Premiere or an on-set monitor.",
    inputSchema: z.object({
      preset: z.enum(presets).describe("the look to export"),
      size: z.number().int().min(2).max(65).optional().describe("LUT size (17, 33 or 65)"),
    }),
    annotations: readOnly,
    examples: [
      "export the warm look as a LUT",
      "give me a cube file for the noir preset",
      "download the LUT",
    ],
  },
  {
    name: "clean-audio",
    title: "Clean audio",
    description:
      "Cleans dialogue audio: reduces background noise, removes mains hum, and normalises loudness to a target (broadcast, podcast or streaming).",
    inputSchema: z.object({
      fileId: fileId("audio"),
      noiseReduction: z.enum(["off", "light", "medium", "strong"]).optional(),
      removeHum: z.boolean().optional().describe("remove 50/60 Hz hum"),
      loudnessTarget: z.enum(["broadcast", "podcast", "streaming"]).optional(),
    }),
    annotations: job,
    examples: [
      "clean the audio",
      "remove the background noise from my dialogue",
      "comot the hum for the sound",
    ],
  },
  {
    name: "analyze-audio",
    title: "Analyze audio",
    description: "Measures an audio file: loudness (LUFS), true peak, noise floor, hum and clipping.",
    inputSchema: z.object({ fileId: fileId("audio") }),
    annotations: readOnly,
    examples: ["analyze the audio", "how loud is my recording", "check the sound levels"],
  },
  {
    name: "preview-clean",
    title: "Preview audio cleanup",
    description:
      "Cleans a short excerpt of an audio file so the user can hear the result before the full job.",
    inputSchema: z.object({
      fileId: fileId("audio"),
      seconds: z.number().min(1).max(60).optional().describe("length of the excerpt in seconds"),
    }),
    annotations: readOnly,
    examples: ["preview the audio cleanup", "let me hear a sample of the cleaned sound first"],
  },
  {
    name: "get-job",
    title: "Get a job's status",
    description:
      "Tells the status and progress of a job (a long-running task such as a grade, a breakdown or a cleanup).",
    inputSchema: z.object({ jobId }),
    annotations: readOnly,
    examples: ["is the job done?", "e don do?", "how far with the render", "what's the status of my job"],
  },
  {
    name: "cancel-job",
    title: "Cancel a job",
    description: "Cancels a queued or running job; its reserved credits are refunded.",
    inputSchema: z.object({ jobId }),
    annotations: { readOnly: false, destructive: false, longRunning: false, idempotent: true },
    examples: ["cancel the job", "stop the render", "abeg stop that grading"],
  },
];

import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { ConfigError, loadConfig } from "../config/env.ts";
import { isAppError } from "../lib/errors.ts";
import { tools } from "../tools/index.ts";
import { parseCliArguments, usage } from "./arguments.ts";
import { askAgent } from "./ask.ts";
import { fileIdsIn, startedJobId, waitForJob, writeOutputFiles } from "./follow-output.ts";
import { runToolCommand } from "./run-command.ts";
import { openCliSession } from "./session.ts";

/** `nollyai <command>`: the studio's tools and agent from the terminal, over the same registry. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCliArguments(argv);
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(usage);
    return command || values.help ? 0 : 1;
  }
  if (command === "serve") {
    await import("../main.ts");
    return -1;
  }
  if (command === "mcp") {
    const { runStdioServer } = await import("../mcp-server/stdio.ts");
    await (await runStdioServer()).closed;
    return 0;
  }
  if (command === "tools") {
    const list = tools.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      cost: typeof tool.cost === "number" ? tool.cost : "varies",
      annotations: tool.annotations,
      inputSchema: z.toJSONSchema(tool.inputSchema),
    }));
    if (values.json) console.log(JSON.stringify(list, null, 2));
    else for (const tool of list) console.log(`${tool.name.padEnd(22)} ${tool.description}`);
    return 0;
  }
  const session = await openCliSession(loadConfig());
  try {
    if (command === "run") {
      const [toolName] = rest;
      if (!toolName) throw new Error('Name the tool: nollyai run <tool>. "nollyai tools" lists them.');
      const result = await runToolCommand(session, {
        toolName,
        projectName: values.project,
        files: values.file,
        ...(values.input ? { inputJson: values.input } : {}),
      });
      const jobId = startedJobId(result);
      const job = jobId ? await waitForJob(session, jobId) : undefined;
      const outcome = job ? { job: { jobId: job.jobId, status: job.status }, output: job.output } : result;
      const inputs = new Set(values.file);
      const produced = [...fileIdsIn(job ? job.output : result)].filter((id) => !inputs.has(id));
      const written = values.out ? await writeOutputFiles(session, produced, values.out) : [];
      console.log(
        JSON.stringify(
          { ...(outcome as object), ...(values.out ? { written } : {}) },
          null,
          values.json ? 0 : 2,
        ),
      );
      return 0;
    }
    if (command === "ask") {
      const text = rest.join(" ");
      const result = await askAgent(session, { text, projectId: await session.projectId(values.project) });
      if (values.json) {
        const { text: reply, toolCalls, approvalsPending } = result;
        console.log(JSON.stringify({ text: reply, toolCalls, approvalsPending }));
      } else {
        console.log(result.text);
        for (const pending of result.approvalsPending) console.log(`(waiting for approval: ${pending.tool})`);
      }
      return 0;
    }
    if (command === "chat") {
      await chatLoop(session, values.project);
      return 0;
    }
    console.error(`Unknown command "${command}".\n\n${usage}`);
    return 1;
  } finally {
    await session.studio.close();
  }
}

async function chatLoop(
  session: Awaited<ReturnType<typeof openCliSession>>,
  projectName: string,
): Promise<void> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  const projectId = await session.projectId(projectName);
  let threadId: string | undefined;
  console.log(`Chatting about "${projectName}". Type /quit to leave.`);
  for (;;) {
    const text = (await terminal.question("you › ")).trim();
    if (text === "/quit" || text === "/exit") break;
    if (!text) continue;
    let result = await askAgent(session, { text, projectId, ...(threadId ? { threadId } : {}) });
    threadId = result.threadId;
    console.log(`studio › ${result.text}`);
    while (result.approvalsPending.length > 0 && result.message) {
      const pending = result.approvalsPending[0]!;
      const answer = (
        await terminal.question(`Allow ${pending.tool} ${JSON.stringify(pending.input)}? [y/N] `)
      ).trim();
      const approved = /^y(es)?$/i.test(answer);
      const approval = {
        ...result.message,
        parts: result.message.parts.map((part) =>
          "approval" in part && part.approval?.id === pending.approvalId
            ? { ...part, state: "approval-responded", approval: { id: pending.approvalId, approved } }
            : part,
        ),
      } as typeof result.message;
      result = await askAgent(session, { projectId, threadId, approval });
      console.log(`studio › ${result.text}`);
    }
  }
  terminal.close();
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || isAppError(error) || error instanceof Error) {
      console.error(`nollyai: ${error.message}`);
    } else {
      console.error("nollyai:", error);
    }
    process.exit(1);
  },
);

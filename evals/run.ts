/**
 * `npm run evals`: tool choice and argument accuracy of the configured chat model (the offline model when
 * no key is set) over the eval requests, and retrieval recall@5 over the shared screenplays.
 */
import { loadConfig } from "../src/config/env.ts";
import { createDb } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { createEmbedder } from "../src/providers/embeddings/index.ts";
import { createChatModel } from "../src/providers/language-model.ts";
import { tools } from "../src/tools/index.ts";
import { plannedTools } from "./agent/planned-tools.ts";
import { runToolChoiceEvals } from "./agent/run-tool-choice.ts";
import { runRetrievalEvals } from "./retrieval/run-retrieval-evals.ts";

const config = loadConfig();
const registered = new Set(tools.map((tool) => tool.name));
const withPlanned = [...tools, ...plannedTools.filter((planned) => !registered.has(planned.name))];

for (const [label, set] of [
  ["registered tools", tools],
  ["registered + planned tools", withPlanned],
] as const) {
  const chatModel = createChatModel(
    config,
    set.map(({ name, description, examples }) => ({ name, description, examples })),
  );
  console.log(`\n== Tool choice: ${label} (${chatModel.id})`);
  const report = await runToolChoiceEvals({ model: chatModel.model, tools: set, print: true });
  console.log(
    `tool choice ${(report.toolChoiceAccuracy * 100).toFixed(1)}% (target 90%), arguments ${(report.argumentAccuracy * 100).toFixed(1)}% (target 85%)`,
  );
}

const database = await createDb({ mode: "pglite", dataDir: "memory" });
await migrateDatabase(database);
const embedder = createEmbedder(config);
const retrieval = await runRetrievalEvals({ db: database.db, embedder });
console.log(`\n== Retrieval (${retrieval.embeddingModel})`);
for (const result of retrieval.perQuestion.filter((question) => question.hitAt === null)) {
  console.log(`  miss: ${result.question}  (expected ${result.expected.join(", ")})`);
}
console.log(
  `retrieval recall@5 ${retrieval.recallAt5.toFixed(2)} (target ${retrieval.threshold}); held-out questions ${retrieval.heldOut.hits}/${retrieval.heldOut.questions}`,
);
await database.close();

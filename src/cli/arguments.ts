import { parseArgs } from "node:util";

/** The CLI's options, shared by its commands. */
export function parseCliArguments(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      project: { type: "string", default: "default" },
      file: { type: "string", multiple: true, default: [] },
      input: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

export const usage = `NollyAI Studio command line

  nollyai tools [--json]                      list tools and their input schemas
  nollyai run <tool> [--project NAME] [--file PATH …] [--input JSON] [--out DIR] [--json]
                                              run a tool; files are uploaded into the project
                                              (created if missing) and fill its file-id inputs in order
  nollyai ask "<message>" [--project NAME] [--json]
                                              one agent turn
  nollyai chat [--project NAME]               interactive chat in the terminal
  nollyai serve                               start the studio (same as npm start)
  nollyai mcp                                 MCP server over stdio

Uses the embedded database under NOLLYAI_DATA_DIR (default ./.data), or DATABASE_URL when set,
acting as the local user.`;

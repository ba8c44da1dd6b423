import { sql } from "drizzle-orm";
import { Router } from "express";
import { ffmpegVersion } from "../../../media/ffmpeg/run.ts";
import type { AppDeps } from "../app-deps.ts";

/** `GET /api/health`: database mode and reachability, storage, and whether ffmpeg is available. */
export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  let ffmpeg: Promise<string | null> | undefined;
  router.get("/api/health", async (_request, response) => {
    ffmpeg ??= ffmpegVersion(deps.ffmpeg);
    const reachable = await deps.database.db.execute(sql`SELECT 1`).then(
      () => true,
      () => false,
    );
    const version = await ffmpeg;
    response.status(reachable ? 200 : 503).json({
      status: reachable ? "ok" : "degraded",
      database: { mode: deps.database.mode, reachable },
      storage: { kind: deps.storage.kind },
      ffmpeg: version
        ? { available: true, version }
        : {
            available: false,
            message: "ffmpeg was not found: install it (apt-get install ffmpeg) or set FFMPEG_PATH.",
          },
      mail: { transport: deps.mailer.transport },
    });
  });
  return router;
}

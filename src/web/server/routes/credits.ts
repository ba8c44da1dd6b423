import { Router } from "express";
import { z } from "zod";
import type { Auth } from "../../../auth/create-auth.ts";
import type { SessionCache } from "../../../auth/session-cache.ts";
import { creditBalance } from "../../../credits/ledger.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { listCreditTransactions } from "../../../db/queries/credits.ts";
import { withUser } from "../../../db/rls.ts";
import { currentUser, requireUser } from "../current-user.ts";
import { parseInput } from "../validate.ts";

const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso.datetime({ error: "before must be an ISO date-time, e.g. 2025-01-31T12:00:00Z" }).optional(),
});

/** Credits: the balance and the ledger history, newest first (page with `before`). */
export function creditRoutes(deps: { auth: Auth; sessions: SessionCache; database: DatabaseHandle }): Router {
  const router = Router();
  const { db } = deps.database;
  router.use("/api/credits", requireUser(deps));

  router.get("/api/credits", async (request, response) => {
    const user = currentUser(response);
    const query = parseInput(historyQuery, request.query);
    const transactions = await withUser(db, user.id, (tx) =>
      listCreditTransactions(tx, {
        limit: query.limit,
        ...(query.before ? { before: new Date(query.before) } : {}),
      }),
    );
    response.json({
      balance: await creditBalance(db, user.id),
      transactions: transactions.map(({ ownerId: _ownerId, ...entry }) => entry),
    });
  });

  return router;
}

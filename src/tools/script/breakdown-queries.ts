import { and, asc, desc, eq } from "drizzle-orm";
import type { UserTransaction } from "../../db/rls.ts";
import { breakdownCorrections, breakdowns, type StoredBreakdown } from "../../db/schema/breakdowns.ts";
import { type Correction, correctionSchema } from "../../media/script/index.ts";
import { type StoredBreakdownData, storedBreakdownData } from "./stored-breakdown.ts";

/** A stored breakdown row with its data validated. */
export type BreakdownRecord = Omit<StoredBreakdown, "data"> & { data: StoredBreakdownData };

function toRecord(row: StoredBreakdown): BreakdownRecord {
  return { ...row, data: storedBreakdownData.parse(row.data) };
}

/** The newest revision of a script's breakdown, or `null` when it has none. */
export async function latestBreakdownOfFile(
  tx: UserTransaction,
  fileId: string,
): Promise<BreakdownRecord | null> {
  const [row] = await tx
    .select()
    .from(breakdowns)
    .where(eq(breakdowns.fileId, fileId))
    .orderBy(desc(breakdowns.revision))
    .limit(1);
  return row ? toRecord(row) : null;
}

/** A stored breakdown by id (RLS hides other users' rows), or `null`. */
export async function breakdownById(tx: UserTransaction, id: string): Promise<BreakdownRecord | null> {
  const [row] = await tx.select().from(breakdowns).where(eq(breakdowns.id, id));
  return row ? toRecord(row) : null;
}

/** The ids of the scripts of a project that have a breakdown, newest first. */
export async function brokenDownFiles(tx: UserTransaction, projectId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ fileId: breakdowns.fileId })
    .from(breakdowns)
    .where(eq(breakdowns.projectId, projectId));
  return rows.map((row) => row.fileId);
}

/** An earlier extraction of the same script content with the same extractor, to reuse instead of paying again. */
export async function findExtraction(
  tx: UserTransaction,
  filter: { fileId: string; contentHash: string; extractor: string },
): Promise<BreakdownRecord | null> {
  const [row] = await tx
    .select()
    .from(breakdowns)
    .where(
      and(
        eq(breakdowns.fileId, filter.fileId),
        eq(breakdowns.contentHash, filter.contentHash),
        eq(breakdowns.extractor, filter.extractor),
      ),
    )
    .orderBy(desc(breakdowns.revision))
    .limit(1);
  return row ? toRecord(row) : null;
}

/** Stores the next revision of a script's breakdown. */
export async function insertBreakdownRevision(
  tx: UserTransaction,
  values: {
    ownerId: string;
    projectId: string;
    fileId: string;
    contentHash: string;
    extractor: string;
    data: StoredBreakdownData;
  },
): Promise<BreakdownRecord> {
  const latest = await latestBreakdownOfFile(tx, values.fileId);
  const [row] = await tx
    .insert(breakdowns)
    .values({ ...values, revision: (latest?.revision ?? 0) + 1 })
    .returning();
  if (!row) throw new Error("the breakdown row was not returned");
  return toRecord(row);
}

/** A script's corrections, oldest first (the order they are applied in). */
export async function correctionsOfFile(tx: UserTransaction, fileId: string): Promise<Correction[]> {
  const rows = await tx
    .select({ correction: breakdownCorrections.correction })
    .from(breakdownCorrections)
    .where(eq(breakdownCorrections.fileId, fileId))
    .orderBy(asc(breakdownCorrections.createdAt), asc(breakdownCorrections.id));
  return rows.map((row) => correctionSchema.parse(row.correction));
}

/** Records a user's correction of a script's breakdown. */
export async function insertCorrection(
  tx: UserTransaction,
  values: { ownerId: string; projectId: string; fileId: string; correction: Correction },
): Promise<void> {
  await tx.insert(breakdownCorrections).values(values);
}

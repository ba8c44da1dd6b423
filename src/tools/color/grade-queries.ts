import { and, asc, desc, eq, max } from "drizzle-orm";
import type { UserTransaction } from "../../db/rls.ts";
import { type GradeVersion, gradeVersions, type UserPreset, userPresets } from "../../db/schema/grades.ts";

// Queries of the colour tools' own tables (grade versions and user presets); RLS scopes them to the caller.

/** The caller's saved presets, by name. */
export function listUserPresets(tx: UserTransaction): Promise<UserPreset[]> {
  return tx.select().from(userPresets).orderBy(asc(userPresets.name));
}

/** One of the caller's presets by name, if it exists. */
export async function findUserPreset(tx: UserTransaction, name: string): Promise<UserPreset | undefined> {
  const [preset] = await tx.select().from(userPresets).where(eq(userPresets.name, name));
  return preset;
}

/** Saves a preset, replacing the grade and description of one with the same name. */
export async function upsertUserPreset(
  tx: UserTransaction,
  values: { ownerId: string; name: string; description: string; grade: Record<string, unknown> },
): Promise<{ preset: UserPreset; replaced: boolean }> {
  const existing = await findUserPreset(tx, values.name);
  if (existing) {
    const [preset] = await tx
      .update(userPresets)
      .set({ grade: values.grade, description: values.description })
      .where(eq(userPresets.id, existing.id))
      .returning();
    return { preset: preset!, replaced: true };
  }
  const [preset] = await tx.insert(userPresets).values(values).returning();
  return { preset: preset!, replaced: false };
}

/** Records the next grade version of a file (1, 2, …); the unique key makes a concurrent duplicate fail. */
export async function insertGradeVersion(
  tx: UserTransaction,
  values: {
    ownerId: string;
    projectId: string;
    fileId: string;
    grade: Record<string, unknown>;
    note: string;
  },
): Promise<GradeVersion> {
  const [latest] = await tx
    .select({ version: max(gradeVersions.version) })
    .from(gradeVersions)
    .where(eq(gradeVersions.fileId, values.fileId));
  const [version] = await tx
    .insert(gradeVersions)
    .values({ ...values, version: (latest?.version ?? 0) + 1 })
    .returning();
  return version!;
}

/** A file's grade versions, newest first. */
export function listGradeVersions(tx: UserTransaction, fileId: string): Promise<GradeVersion[]> {
  return tx
    .select()
    .from(gradeVersions)
    .where(and(eq(gradeVersions.fileId, fileId)))
    .orderBy(desc(gradeVersions.version));
}

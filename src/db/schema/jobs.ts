import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { projects } from "./projects.ts";

export const jobStatusEnum = pgEnum("job_status", ["queued", "running", "succeeded", "failed", "cancelled"]);

/** A job's actionable error, as clients see it. */
export type JobErrorRecord = { code: string; message: string };

/**
 * A durable job: one run of a long tool. The executor columns (`run_at`, lease, `step_attempt`) drive the
 * embedded executor; the rest is what users see (status, progress, ETA inputs, error, output, credits).
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    tool: text("tool").notNull(),
    functionId: text("function_id").notNull(),
    input: jsonb("input").$type<unknown>().notNull(),
    status: jobStatusEnum("status").notNull().default("queued"),
    priority: integer("priority").notNull().default(0),
    progress: integer("progress").notNull().default(0),
    message: text("message"),
    attempts: integer("attempts").notNull().default(0),
    /** Failed attempts of the step (or request) now being tried; reset when a step finishes. */
    stepAttempt: integer("step_attempt").notNull().default(0),
    error: jsonb("error").$type<JobErrorRecord>(),
    output: jsonb("output").$type<unknown>(),
    /** External work a step started (a Replicate prediction id), so a cancel can stop it too. */
    external: jsonb("external").$type<Record<string, string>>().notNull().default({}),
    creditsReserved: integer("credits_reserved").notNull().default(0),
    creditsCaptured: integer("credits_captured").notNull().default(0),
    retryOf: uuid("retry_of"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    leaseOwner: text("lease_owner"),
    leaseToken: uuid("lease_token"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("jobs_owner_idx").on(table.ownerId, table.createdAt),
    index("jobs_project_idx").on(table.projectId, table.createdAt),
    index("jobs_ready_idx")
      .on(table.priority.desc(), table.runAt)
      .where(sql`status IN ('queued', 'running')`),
    check("jobs_progress_range", sql`${table.progress} BETWEEN 0 AND 100`),
    check("jobs_credits_not_negative", sql`${table.creditsReserved} >= 0 AND ${table.creditsCaptured} >= 0`),
  ],
);

export type JobRecord = typeof jobs.$inferSelect;

/**
 * The memoized result of each finished step of a job (keyed by the SDK's hashed step id), in completion
 * order: what the embedded executor sends back so a resumed run repeats no finished step.
 */
export const jobSteps = pgTable(
  "job_steps",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name"),
    position: integer("position").notNull(),
    kind: text("kind", { enum: ["data", "error"] }).notNull(),
    data: jsonb("data").$type<unknown>(),
    error: jsonb("error").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.jobId, table.stepId] })],
);

export type JobStepRecord = typeof jobSteps.$inferSelect;

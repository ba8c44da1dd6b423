import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { upsertJobSnapshot } from "../lib/job-snapshots.ts";
import type { JobSnapshot, StudioNotification } from "../lib/types.ts";
import { keys } from "./queries.ts";

export type EventsState = "connecting" | "live" | "offline";

function upsertJob(queryClient: QueryClient, job: JobSnapshot) {
  const update = (current: JobSnapshot[] | null | undefined) =>
    current ? upsertJobSnapshot(current, job) : current;
  queryClient.setQueryData<JobSnapshot[] | null>(keys.jobs(), update);
  if (job.projectId) queryClient.setQueryData<JobSnapshot[] | null>(keys.jobs(job.projectId), update);
}

/**
 * Listens to the per-user event stream (`GET /api/events`) and folds job and notification events into the
 * query caches, so every panel updates live. Reconnects with back-off; quiet while the server lacks it.
 */
export function useStudioEvents(enabled: boolean): EventsState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<EventsState>("connecting");

  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let failures = 0;

    const onJob = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { job?: JobSnapshot } & Partial<JobSnapshot>;
      const job = data.job ?? (data.jobId ? (data as JobSnapshot) : undefined);
      if (!job) return;
      upsertJob(queryClient, job);
      if (event.type === "job-finished") {
        void queryClient.invalidateQueries({ queryKey: keys.me });
        void queryClient.invalidateQueries({ queryKey: keys.credits });
        if (job.projectId) void queryClient.invalidateQueries({ queryKey: keys.files(job.projectId) });
      }
    };
    const onNotification = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as {
        notification?: StudioNotification;
      } & Partial<StudioNotification>;
      const notification = data.notification ?? (data.id ? (data as StudioNotification) : undefined);
      if (!notification) return;
      queryClient.setQueryData<StudioNotification[] | null>(keys.notifications, (current) => [
        notification,
        ...(current ?? []).filter((existing) => existing.id !== notification.id),
      ]);
    };

    const connect = () => {
      source = new EventSource("/api/events");
      source.addEventListener("open", () => {
        failures = 0;
        setState("live");
      });
      for (const name of ["job-created", "job-progress", "job-finished"]) {
        source.addEventListener(name, onJob as EventListener);
      }
      source.addEventListener("notification", onNotification as EventListener);
      source.addEventListener("notification-created", onNotification as EventListener);
      source.addEventListener("error", () => {
        source?.close();
        failures += 1;
        setState("offline");
        retryTimer = window.setTimeout(connect, Math.min(60_000, 2_000 * 2 ** failures));
      });
    };
    connect();
    return () => {
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, [enabled, queryClient]);

  return state;
}

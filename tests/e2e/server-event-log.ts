/** One job event as a client beside the browser received it, with when (ms since the log started). */
export type ServerJobEvent = { at: number; type: string; progress: number };

/**
 * Follows `/api/events` from the test process with the browser's session cookie: when the page reports events
 * in a burst, this tells a server that sent them in a burst from a page that was too busy to read them.
 */
export async function followServerEvents(input: { url: string; cookie: string }) {
  const controller = new AbortController();
  const started = performance.now();
  const events: ServerJobEvent[] = [];
  const response = await fetch(`${input.url}/api/events`, {
    headers: { cookie: input.cookie },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  const reading = (async () => {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return;
      pending += decoder.decode(chunk.value, { stream: true });
      const blocks = pending.split("\n\n");
      pending = blocks.pop() ?? "";
      for (const block of blocks) {
        const data = block.split("\n").find((line) => line.startsWith("data:"));
        if (!data) continue;
        const event = JSON.parse(data.slice(5)) as { type: string; job?: { progress: number } };
        if (event.job) {
          events.push({
            at: Math.round(performance.now() - started),
            type: event.type,
            progress: event.job.progress,
          });
        }
      }
    }
  })().catch(() => undefined);
  return {
    events,
    async stop() {
      controller.abort();
      await reading;
    },
  };
}

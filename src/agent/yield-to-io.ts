/**
 * Lets the event loop serve pending I/O (socket reads and writes of every connection) before the caller goes on.
 * On the embedded database a turn's work never waits for I/O, so without this it would hold the loop from its
 * first byte to its last. A callback set with `setImmediate` during the poll phase runs before the next poll;
 * the second hop makes sure one poll phase comes in between.
 */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

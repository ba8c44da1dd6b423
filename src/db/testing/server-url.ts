/**
 * The PostgreSQL server the database suite runs against, when asked for: an admin URL (one that may
 * CREATE DATABASE), e.g. `postgres://postgres@127.0.0.1:5432/test`. Test infrastructure only; the app itself
 * reads its configuration from `config/env.ts`.
 */
export function testServerAdminUrl(): string | undefined {
  return process.env.NOLLYAI_TEST_DATABASE_URL || undefined;
}

/** The same server URL pointing at another database. */
export function serverDatabaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

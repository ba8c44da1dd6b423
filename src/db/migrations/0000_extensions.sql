-- Extensions every later migration may rely on. drizzle-kit does not generate CREATE EXTENSION.
CREATE EXTENSION IF NOT EXISTS vector;

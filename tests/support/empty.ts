// Stands in for `server-only` under Vitest: tests run on the server, where the marker has nothing to guard.
export {};

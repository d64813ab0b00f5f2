-- 0010 the write gate (docs/architecture.md "PostgreSQL"): PostgreSQL's writers queue on a table
-- lock taken before their snapshot (migrations/postgresql/0010). SQLite has one writer already,
-- so there is nothing to make here; the version exists so that both stores count the same.
SELECT 1;

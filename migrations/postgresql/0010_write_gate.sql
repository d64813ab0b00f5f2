-- 0010 the write gate (docs/architecture.md "PostgreSQL"; PostgreSQL only — SQLite's
-- migrations/0010 makes nothing, its one writer is the gate). Every write transaction begins with
-- `LOCK TABLE write_gate IN EXCLUSIVE MODE` before its first query, so writers on every node
-- run one after another, each with a snapshot taken after the previous one committed: the
-- updates that every writer makes to the same rows (a document counter, a product's stock, the
-- event feed's order) no longer fail SERIALIZABLE's check and run again until their attempts run
-- out. The table holds no rows; only its lock is used (EXCLUSIVE conflicts with itself and with
-- writes to this table, of which there are none, and not with reads).
CREATE TABLE write_gate (unused BOOLEAN);

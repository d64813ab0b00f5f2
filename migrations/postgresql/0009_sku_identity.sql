-- 0009 SKU identity (docs/api.md §3 Products): a SKU names one product whatever the case of its
-- PostgreSQL translation of migrations/0009_sku_identity.sql (same version, same tables and rules): BIGINT for
-- INTEGER (64-bit like SQLite's), identity ids, BYTEA for BLOB; booleans stay 0/1 integers.
-- ASCII letters ("SKU-1" and "sku-1" are the same SKU), enforced by this index so that two
-- writers can never both create it. The API refuses a SKU with leading or trailing white space.
-- SQLite's NOCASE folds ASCII letters only; lower() would follow the database's locale, so the
-- folding is spelled out (the dialect's equalsIgnoringCase and containsIgnoringCase use it too).
CREATE FUNCTION ascii_lower(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT translate($1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') $$;
CREATE UNIQUE INDEX products_sku_nocase ON products (ascii_lower(sku));

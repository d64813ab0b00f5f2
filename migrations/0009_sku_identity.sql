-- 0009 SKU identity (docs/api.md §3 Products): a SKU names one product whatever the case of its
-- ASCII letters ("SKU-1" and "sku-1" are the same SKU), enforced by this index so that two
-- writers can never both create it. The API refuses a SKU with leading or trailing white space.
CREATE UNIQUE INDEX products_sku_nocase ON products (sku COLLATE NOCASE);

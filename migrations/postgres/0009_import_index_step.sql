-- PostgreSQL twin of migrations/0009_import_index_step.sql.
-- Every row of feedback arrives through an import, and each import adds its own rows to the search
-- index in large steps before it becomes visible: no per-row insert trigger.
DROP TRIGGER feedback_fts_insert ON feedback;

-- The customer index took a random place in a large B-tree for every row (customer references are
-- keyed hashes); it served only erasure on request, which scans the team's rows in steps instead.
DROP INDEX feedback_customer;

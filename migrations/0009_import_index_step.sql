-- Import speed. Measured on 200,000 rows with the real schema (details in docs/benchmarks-import.md):
--
-- Every row of feedback arrives through an import (a file, the command line or a webhook batch), and
-- each import now adds its own rows to the search index in large steps before it becomes visible. An
-- AFTER INSERT trigger on feedback, even one whose WHEN clause is false, cost about 12 µs a row.
DROP TRIGGER feedback_fts_insert;

-- The customer index took a random place in a large B-tree for every row (customer references are
-- keyed hashes), which made each 2,000-row transaction rewrite thousands of index pages: ~12 µs of the
-- ~22 µs SQLite spent on a row. It served only erasure on request, which is rare; erasure now scans
-- the team's rows in steps instead (server/feedback/service.ts).
DROP INDEX feedback_customer;

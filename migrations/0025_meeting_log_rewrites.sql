-- How many times an erasure rewrote a meeting's stored log. The live engine keeps meetings' states in
-- memory and reads this with the meeting inside every write: a count it has not seen means the log
-- was rewritten, so the state is folded again from the log (on any process, whoever erased).
ALTER TABLE meetings ADD COLUMN log_rewrites INTEGER NOT NULL DEFAULT 0;

-- PostgreSQL twin of migrations/0012_action_decided_history.sql.
-- An action decided in a live review gets a 'decided' history entry. PostgreSQL changes the CHECK in
-- place; SQLite had to rebuild the table.
ALTER TABLE action_history DROP CONSTRAINT action_history_kind;
ALTER TABLE action_history ADD CONSTRAINT action_history_kind
  CHECK (kind IN ('created', 'decided', 'status', 'owner', 'due', 'edited', 'note'));

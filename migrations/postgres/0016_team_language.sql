-- PostgreSQL twin of migrations/0016_team_language.sql.
-- A team's language: the defaults made for it (agenda step names, calendar titles) come out in it.
ALTER TABLE teams ADD COLUMN language text NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en'));

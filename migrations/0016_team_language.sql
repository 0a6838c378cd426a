-- A team's language: the defaults made for it (agenda step names, calendar titles) come out in it.
-- Teams from before were Danish teams, which is what Kadence is made for first.
ALTER TABLE teams ADD COLUMN language TEXT NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en'));

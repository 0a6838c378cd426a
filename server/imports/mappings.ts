import type { Database } from 'better-sqlite3';
import { FIELDS, type Mapping } from '../../shared/fields.ts';
import { invalid } from '../errors.ts';

export interface SavedMapping {
  name: string;
  mapping: Mapping;
}

/** Column mappings a team saved under a name, so the next export from the same tool maps itself. */
export function createMappingPresets(db: Database) {
  const upsert = db.prepare(
    `INSERT INTO feedback_mapping_presets (team_id, name, mapping) VALUES (?, ?, ?)
     ON CONFLICT (team_id, name) DO UPDATE SET mapping = excluded.mapping, created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  const list = db.prepare('SELECT name, mapping FROM feedback_mapping_presets WHERE team_id = ? ORDER BY name');
  const remove = db.prepare('DELETE FROM feedback_mapping_presets WHERE team_id = ? AND name = ?');

  return {
    save(teamId: number, name: string, mapping: Mapping): SavedMapping {
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > 60) throw invalid('a saved mapping needs a name of 1–60 characters');
      const clean = Object.fromEntries(
        Object.entries(mapping).filter(([field, header]) => (FIELDS as readonly string[]).includes(field) && header),
      ) as Mapping;
      if (Object.keys(clean).length === 0) throw invalid('the mapping is empty');
      upsert.run(teamId, trimmed, JSON.stringify(clean));
      return { name: trimmed, mapping: clean };
    },
    list(teamId: number): SavedMapping[] {
      return (list.all(teamId) as { name: string; mapping: string }[]).map((row) => ({
        name: row.name,
        mapping: JSON.parse(row.mapping) as Mapping,
      }));
    },
    remove(teamId: number, name: string): void {
      remove.run(teamId, name);
    },
  };
}
export type MappingPresets = ReturnType<typeof createMappingPresets>;

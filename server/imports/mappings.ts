import { FIELDS, type Mapping } from '../../shared/fields.ts';
import type { Executor } from '../db/kysely/store.ts';
import { invalid } from '../errors.ts';

export interface SavedMapping {
  name: string;
  mapping: Mapping;
}

/** Column mappings a team saved under a name, so the next export from the same tool maps itself. */
export function createMappingPresets(db: Executor) {
  return {
    async save(teamId: number, name: string, mapping: Mapping): Promise<SavedMapping> {
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > 60) throw invalid('a saved mapping needs a name of 1–60 characters');
      const clean = Object.fromEntries(
        Object.entries(mapping).filter(([field, header]) => (FIELDS as readonly string[]).includes(field) && header),
      ) as Mapping;
      if (Object.keys(clean).length === 0) throw invalid('the mapping is empty');
      const text = JSON.stringify(clean);
      const now = new Date().toISOString();
      await db
        .insertInto('feedback_mapping_presets')
        .values({ team_id: teamId, name: trimmed, mapping: text, created_at: now })
        .onConflict((oc) => oc.columns(['team_id', 'name']).doUpdateSet({ mapping: text, created_at: now }))
        .execute();
      return { name: trimmed, mapping: clean };
    },
    async list(teamId: number): Promise<SavedMapping[]> {
      const rows = await db
        .selectFrom('feedback_mapping_presets')
        .select(['name', 'mapping'])
        .where('team_id', '=', teamId)
        .orderBy('name')
        .execute();
      return rows.map((row) => ({ name: row.name, mapping: JSON.parse(row.mapping) as Mapping }));
    },
    async remove(teamId: number, name: string): Promise<void> {
      await db.deleteFrom('feedback_mapping_presets').where('team_id', '=', teamId).where('name', '=', name).execute();
    },
  };
}
export type MappingPresets = ReturnType<typeof createMappingPresets>;

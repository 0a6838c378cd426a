import { type Static, Type } from 'typebox';

/** One held review in a team's archive: when, who came (a count), what it talked about and decided. */
export const ArchiveEntrySchema = Type.Object({
  id: Type.Integer(),
  startsAt: Type.String(),
  endedAt: Type.Union([Type.String(), Type.Null()]),
  attendance: Type.Integer({ description: 'people who took part, each counted once' }),
  themes: Type.Array(Type.String(), { description: 'theme names, most votes first' }),
  decisions: Type.Array(
    Type.Object({
      title: Type.String(),
      ownerName: Type.Union([Type.String(), Type.Null()]),
      dueDate: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type ArchiveEntry = Static<typeof ArchiveEntrySchema>;

export const ArchiveSchema = Type.Object({
  team: Type.Object({ name: Type.String(), slug: Type.String(), timezone: Type.String() }),
  meetings: Type.Array(ArchiveEntrySchema),
});
export type Archive = Static<typeof ArchiveSchema>;

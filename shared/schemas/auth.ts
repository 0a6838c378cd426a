import { Type, type Static } from 'typebox';
import { Email, Password, PersonName } from './common.ts';
import { TeamRoleSchema } from './teams.ts';

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    name: Type.String(),
    isAdmin: Type.Boolean(),
  },
  { examples: [{ id: 12, email: 'mette.ostergaard@example.dk', name: 'Mette Østergaard', isAdmin: false }] },
);
export type User = Static<typeof UserSchema>;

export const MyTeamSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  slug: Type.String(),
  timezone: Type.String(),
  role: Type.Union([TeamRoleSchema, Type.Null()]),
});
export type MyTeam = Static<typeof MyTeamSchema>;

export const MeSchema = Type.Object({ user: UserSchema, teams: Type.Array(MyTeamSchema) });
export type Me = Static<typeof MeSchema>;

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { examples: [{ email: 'mette.ostergaard@example.dk', password: 'rugbrød-på-fredag-42' }] },
);
export type LoginBody = Static<typeof LoginBody>;

export const SetupBody = Type.Object(
  { email: Email, name: PersonName, password: Password },
  { examples: [{ email: 'it-drift@example.dk', name: 'Anders Lund', password: 'kaffe-og-kanelsnegle-7' }] },
);
export type SetupBody = Static<typeof SetupBody>;

export const SetupStatusSchema = Type.Object({ needsSetup: Type.Boolean() });

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Password,
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const CsrfSchema = Type.Object({ token: Type.String() });

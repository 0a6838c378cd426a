import { Type, type Static } from 'typebox';
import { DEFAULT_TIMEZONE, SLUG_PATTERN } from '../roles.ts';
import { Email, PersonName } from './common.ts';

export const LanguageSchema = Type.Union([Type.Literal('da'), Type.Literal('en')]);

export const TeamRoleSchema = Type.Union([Type.Literal('lead'), Type.Literal('facilitator'), Type.Literal('member')]);

export const Slug = Type.String({ pattern: SLUG_PATTERN, minLength: 1, maxLength: 40 });
export const TeamParams = Type.Object({ team: Slug });

export const TeamSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    slug: Type.String(),
    timezone: Type.String(),
    /** The language of the defaults made for the team (agenda step names, calendar titles). */
    language: LanguageSchema,
    createdAt: Type.String(),
  },
  {
    examples: [
      {
        id: 3,
        name: 'Kundeservice',
        slug: 'kundeservice',
        timezone: 'Europe/Copenhagen',
        language: 'da',
        createdAt: '2026-09-01T08:15:00.000Z',
      },
    ],
  },
);
export type Team = Static<typeof TeamSchema>;

export const CreateTeamBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    slug: Slug,
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, default: DEFAULT_TIMEZONE })),
    /** Absent: the DEFAULT_LANGUAGE setting. */
    language: Type.Optional(LanguageSchema),
    asLead: Type.Optional(
      Type.Boolean({
        description:
          'the person creating the team becomes its lead (the create form sends true unless the admin creates it for others)',
      }),
    ),
  },
  {
    examples: [
      { name: 'Kundeservice', slug: 'kundeservice', timezone: 'Europe/Copenhagen', language: 'da', asLead: true },
    ],
  },
);
export type CreateTeamBody = Static<typeof CreateTeamBody>;

export const UpdateTeamBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    language: Type.Optional(LanguageSchema),
  },
  { examples: [{ name: 'Kundeservice Aarhus' }] },
);
export type UpdateTeamBody = Static<typeof UpdateTeamBody>;

export const MemberSchema = Type.Object(
  {
    userId: Type.Integer(),
    name: Type.String(),
    email: Type.String(),
    role: TeamRoleSchema,
  },
  { examples: [{ userId: 12, name: 'Mette Østergaard', email: 'mette.ostergaard@example.dk', role: 'facilitator' }] },
);
export type Member = Static<typeof MemberSchema>;

export const TeamDetailSchema = Type.Object({
  team: TeamSchema,
  myRole: Type.Union([TeamRoleSchema, Type.Null()]),
  members: Type.Array(MemberSchema),
});
export type TeamDetail = Static<typeof TeamDetailSchema>;

export const MemberParams = Type.Object({ team: Slug, userId: Type.Integer({ minimum: 1 }) });
export const SetRoleBody = Type.Object({ role: TeamRoleSchema });
export const AddMemberBody = Type.Object(
  { email: Email, role: TeamRoleSchema },
  { examples: [{ email: 'mette.ostergaard@example.dk', role: 'member' }] },
);

export const CreateInviteBody = Type.Object(
  {
    role: TeamRoleSchema,
    email: Type.Optional(Email),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, default: 7 })),
  },
  { examples: [{ role: 'member', email: 'jonas.riis@example.dk', expiresInDays: 7 }] },
);
export type CreateInviteBody = Static<typeof CreateInviteBody>;

export const InviteSchema = Type.Object(
  {
    id: Type.Integer(),
    role: TeamRoleSchema,
    email: Type.Union([Type.String(), Type.Null()]),
    expiresAt: Type.String(),
    usedAt: Type.Union([Type.String(), Type.Null()]),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
  },
  {
    examples: [
      {
        id: 41,
        role: 'member',
        email: 'jonas.riis@example.dk',
        expiresAt: '2026-12-09T09:30:00.000Z',
        usedAt: null,
        revokedAt: null,
      },
    ],
  },
);
export type Invite = Static<typeof InviteSchema>;

export const CreatedInviteSchema = Type.Object({
  invite: InviteSchema,
  token: Type.String(),
  url: Type.String(),
  canEmail: Type.Boolean({
    description: 'the server has SMTP_URL, so the link can be sent by e-mail (POST …/invites/email)',
  }),
});
/** Sends an invite link the lead holds to an address, in the team's language. */
export const SendInviteBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }), email: Email });
export type SendInviteBody = Static<typeof SendInviteBody>;
export type CreatedInvite = Static<typeof CreatedInviteSchema>;

export const InviteTokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
export const InvitePreviewSchema = Type.Object({
  teamName: Type.String(),
  teamSlug: Type.String(),
  role: TeamRoleSchema,
  email: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.String(),
});
export type InvitePreview = Static<typeof InvitePreviewSchema>;

/** Accepting as a new person carries an account; a signed-in person sends an empty body. */
export const AcceptInviteBody = Type.Object(
  {
    name: Type.Optional(PersonName),
    email: Type.Optional(Email),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
  },
  { examples: [{ name: 'Jonas Riis', email: 'jonas.riis@example.dk', password: 'rugbrød-på-fredag-42' }] },
);
export type AcceptInviteBody = Static<typeof AcceptInviteBody>;

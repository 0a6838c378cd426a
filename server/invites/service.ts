import { ErrorCode } from '../../shared/errors.ts';
import type { TeamRole } from '../../shared/roles.ts';
import type { User } from '../../shared/schemas/auth.ts';
import type { CreatedInvite, Invite, InvitePreview } from '../../shared/schemas/teams.ts';
import type { AuthService } from '../auth/service.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { Store } from '../db/kysely/store.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { createTeamsRepo } from '../teams/repo.ts';
import type { TeamsService } from '../teams/service.ts';
import type { UsersService } from '../users/service.ts';
import type { SendMail } from '../mail.ts';
import { inviteMail } from './mail.ts';
import { createInvitesRepo, type InviteRow } from './repo.ts';

/** Invite e-mails one team may send per hour. */
export const MAILS_PER_HOUR = 20;
const HOUR_MS = 3_600_000;

const toInvite = (row: InviteRow): Invite => ({
  id: row.id,
  role: row.role,
  email: row.email,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  revokedAt: row.revoked_at,
});

export function createInvitesService(deps: {
  store: Store;
  teamsService: TeamsService;
  usersService: UsersService;
  authService: AuthService;
  publicUrl: string;
  /** Sends e-mail when SMTP_URL is set; null without it. */
  sendMail: SendMail | null;
}) {
  const { store, teamsService, usersService, authService } = deps;
  const invites = createInvitesRepo(store.db);
  const teams = createTeamsRepo(store.db);
  const slugOf = async (teamId: number) => {
    const team = await teams.byId(teamId);
    if (!team) throw new AppError(ErrorCode.INVITE_INVALID, 'This invite link is not valid');
    return team.slug;
  };
  const inviteUrl = (token: string) => `${deps.publicUrl}/#/invite/${token}`;

  /** The invite behind a link, refused with one clear reason when it can no longer be used. */
  async function usable(token: string): Promise<InviteRow> {
    const row = await invites.byHash(hashToken(token));
    if (!row) throw new AppError(ErrorCode.INVITE_INVALID, 'This invite link is not valid');
    if (row.revoked_at) throw new AppError(ErrorCode.INVITE_INVALID, 'This invite link was revoked');
    if (row.used_at) throw new AppError(ErrorCode.INVITE_INVALID, 'This invite link has already been used');
    if (row.expires_at < new Date().toISOString())
      throw new AppError(ErrorCode.INVITE_INVALID, 'This invite link has expired');
    return row;
  }

  async function join(row: InviteRow, user: User): Promise<void> {
    if (row.email && row.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new AppError(ErrorCode.FORBIDDEN, `This invite is for ${row.email}`);
    }
    await store.transaction(async (trx) => {
      if ((await createInvitesRepo(trx).markUsed(row.id, user.id, new Date().toISOString())) !== 1) {
        throw new AppError(ErrorCode.INVITE_INVALID, 'This invite link has already been used');
      }
      // Joining never lowers a role someone already holds in the team; read and written in this transaction.
      const members = createTeamsRepo(trx);
      const existing = await members.role(row.team_id, user.id);
      if (!existing || existing === 'member' || (existing === 'facilitator' && row.role === 'lead')) {
        await members.upsertMember(row.team_id, user.id, row.role);
      }
    });
  }

  return {
    async create(
      actor: User,
      slug: string,
      input: { role: TeamRole; email?: string | undefined; expiresInDays?: number | undefined },
    ): Promise<CreatedInvite> {
      const { team } = await teamsService.access(actor, slug, 'lead');
      const days = input.expiresInDays ?? 7;
      if (!Number.isInteger(days) || days < 1 || days > 30) throw invalid('an invite expires after 1 to 30 days');
      const token = newToken();
      const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
      const id = await invites.insert(
        hashToken(token),
        team.id,
        input.role,
        input.email?.trim() || null,
        actor.id,
        expiresAt,
      );
      return {
        invite: toInvite((await invites.byId(id)) as InviteRow),
        token,
        url: inviteUrl(token),
        canEmail: deps.sendMail !== null,
      };
    },

    /**
     * Sends a link the lead holds (they created it: only its hash is stored) to an address, in the
     * team's language. An invite made for one address goes only to that address. At most
     * MAILS_PER_HOUR per team, counted before sending, so a failing mail server is not hammered either.
     */
    async sendByEmail(actor: User, slug: string, input: { token: string; email: string }): Promise<void> {
      const { team } = await teamsService.access(actor, slug, 'lead');
      const row = await usable(input.token);
      if (row.team_id !== team.id) throw new AppError(ErrorCode.INVITE_INVALID, 'This invite link is not valid');
      const to = input.email.trim();
      if (row.email && row.email.toLowerCase() !== to.toLowerCase())
        throw new AppError(
          ErrorCode.INVITE_EMAIL_MISMATCH,
          `This invite is for ${row.email}; send it there or create a new link`,
        );
      if (!deps.sendMail)
        throw new AppError(
          ErrorCode.MAIL_NOT_CONFIGURED,
          'This server cannot send e-mail (no SMTP_URL); copy the link instead',
        );
      const taken = await store.transaction(async (trx) => {
        // PostgreSQL's transactions run side by side: the team's row locked for this one makes
        // two sends count one after the other, as SQLite's single writer does.
        if (store.dialect === 'postgres')
          await trx.selectFrom('teams').select('id').where('id', '=', team.id).forUpdate().execute();
        return createInvitesRepo(trx).takeMail(team.id, row.id, new Date(), HOUR_MS, MAILS_PER_HOUR);
      });
      if (!taken) {
        throw new AppError(
          ErrorCode.RATE_LIMITED,
          `This team has sent ${MAILS_PER_HOUR} invite e-mails within the hour; try again later or copy the link`,
        );
      }
      const mail = inviteMail({
        language: team.language,
        teamName: team.name,
        timezone: team.timezone,
        inviter: actor.name,
        role: row.role,
        url: inviteUrl(input.token),
        expiresAt: row.expires_at,
      });
      await deps.sendMail({ to, replyTo: actor.email, ...mail });
    },

    async list(actor: User, slug: string): Promise<Invite[]> {
      const { team } = await teamsService.access(actor, slug, 'lead');
      return (await invites.forTeam(team.id)).map(toInvite);
    },

    async revoke(actor: User, slug: string, id: number): Promise<void> {
      const { team } = await teamsService.access(actor, slug, 'lead');
      if ((await invites.revoke(id, team.id, new Date().toISOString())) !== 1) throw notFound('Open invite');
    },

    async preview(token: string): Promise<InvitePreview> {
      const row = await usable(token);
      const team = await teams.byId(row.team_id);
      if (!team) throw new AppError(ErrorCode.INVITE_INVALID, 'This invite link is not valid');
      return { teamName: team.name, teamSlug: team.slug, role: row.role, email: row.email, expiresAt: row.expires_at };
    },

    async acceptAsUser(token: string, user: User): Promise<{ teamSlug: string }> {
      const row = await usable(token);
      await join(row, user);
      return { teamSlug: await slugOf(row.team_id) };
    },

    /**
     * A person without an account creates one and joins in the same step. An e-mail address that
     * already has an account, or is not the one the invite was made for, gets one answer that asks
     * the person to sign in to accept, after the same hashing work as a new account: neither the
     * words nor the time say whether the account exists.
     */
    async acceptAsNewUser(token: string, input: { name: string; email: string; password: string }) {
      const row = await usable(token);
      const signInToAccept = () =>
        new AppError(
          ErrorCode.INVITE_SIGN_IN,
          'If you already have a Kadence account with this e-mail address, sign in to accept the invite; otherwise check the address',
        );
      const otherAddress = row.email !== null && row.email.toLowerCase() !== input.email.trim().toLowerCase();
      if (otherAddress || (await usersService.byEmail(input.email))) {
        await authService.hashLikeNewAccount(input.password);
        throw signInToAccept();
      }
      let user: User;
      try {
        user = await usersService.create(input);
      } catch (error) {
        // The address was taken while the password was hashed.
        if (error instanceof AppError && error.code === ErrorCode.CONFLICT) throw signInToAccept();
        throw error;
      }
      await join(await usable(token), user);
      return {
        user,
        session: await authService.startSession(user.id),
        teamSlug: await slugOf(row.team_id),
      };
    },
  };
}
export type InvitesService = ReturnType<typeof createInvitesService>;

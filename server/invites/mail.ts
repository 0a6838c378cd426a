import { formatter } from '../../shared/format.ts';
import type { Language } from '../../shared/language.ts';
import type { TeamRole } from '../../shared/roles.ts';

const ROLES: Record<Language, Record<TeamRole, string>> = {
  da: { lead: 'leder', facilitator: 'facilitator', member: 'medlem' },
  en: { lead: 'lead', facilitator: 'facilitator', member: 'member' },
};

export interface InviteMailInput {
  language: Language;
  teamName: string;
  timezone: string;
  inviter: string;
  role: TeamRole;
  url: string;
  expiresAt: string;
}

/** The invite e-mail in the team's language: who invites, to which team, the link and until when it works. */
export function inviteMail(input: InviteMailInput): { subject: string; text: string } {
  const until = formatter(input.language, input.timezone).date(input.expiresAt);
  const role = ROLES[input.language][input.role];
  if (input.language === 'da') {
    return {
      subject: `Invitation til ${input.teamName} i Kadence`,
      text: `${input.inviter} inviterer dig til teamet ${input.teamName} i Kadence som ${role}.\n\nÅbn linket for at komme med:\n${input.url}\n\nLinket virker til og med ${until} og kan kun bruges én gang.\n`,
    };
  }
  return {
    subject: `Invitation to ${input.teamName} on Kadence`,
    text: `${input.inviter} invites you to the team ${input.teamName} on Kadence as ${role}.\n\nOpen the link to join:\n${input.url}\n\nThe link works until ${until} and can be used once.\n`,
  };
}

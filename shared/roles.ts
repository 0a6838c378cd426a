export const TEAM_ROLES = ['lead', 'facilitator', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

const RANK: Record<TeamRole, number> = { member: 1, facilitator: 2, lead: 3 };

/** True when `role` carries at least the rights of `required` (lead ⊇ facilitator ⊇ member). */
export function roleAtLeast(role: TeamRole, required: TeamRole): boolean {
  return RANK[role] >= RANK[required];
}

export function isTeamRole(value: string): value is TeamRole {
  return (TEAM_ROLES as readonly string[]).includes(value);
}

export const DEFAULT_TIMEZONE = 'Europe/Copenhagen';

/** True when the runtime knows the IANA zone (both Node and browsers use the same ICU data). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$';

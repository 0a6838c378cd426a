import { actionsEn } from './areas/actions.en.ts';
import { importsEn } from './areas/imports.en.ts';
import { feedbackEn } from './areas/feedback.en.ts';
import { liveEn } from './areas/live.en.ts';
import { boardEn } from './areas/board.en.ts';
import { meetingsEn } from './areas/meetings.en.ts';
import { pulseEn } from './areas/pulse.en.ts';
import { pagesEn } from './areas/pages.en.ts';

export const en = {
  ...feedbackEn,
  ...importsEn,
  ...meetingsEn,
  ...liveEn,
  ...boardEn,
  ...actionsEn,
  ...pulseEn,
  ...pagesEn,
  app: { name: 'Kadence', tagline: 'The monthly customer-feedback review your team holds together', language: 'Language', menu: 'Menu', signOut: 'Sign out', account: 'Account', teams: 'Teams' },
  setup: { title: 'Welcome to Kadence', intro: 'Create the first account. It becomes the workspace admin.', submit: 'Create account' },
  login: { title: 'Sign in', submit: 'Sign in' },
  fields: { email: 'E-mail', name: 'Name', password: 'Password', currentPassword: 'Current password', newPassword: 'New password', teamName: 'Team name', slug: 'Short name (slug)', timezone: 'Time zone', role: 'Role' },
  roles: { lead: 'Lead', facilitator: 'Facilitator', member: 'Member' },
  home: { title: 'Your teams', none: 'You are not in any team yet.', createTeam: 'Create team', create: 'Create', since: 'Created {{date}}' },
  team: { members: 'Members', invite: 'Invite someone', createInvite: 'Create invite link', inviteLink: 'Invite link (valid until {{date}})', back: 'All teams', actions: 'Actions', remove: 'Remove', confirmRemove: 'Remove {{name}} from the team?', openInvites: 'Open invite links', validUntil: 'valid until {{date}}', revoke: 'Revoke' },
  invite: { title: 'Join {{team}}', asRole: 'You are invited as {{role}}.', join: 'Join team', createAndJoin: 'Create account and join' },
  account: { title: 'Change password', submit: 'Change password', changed: 'Your password was changed.' },
  route: { loading: 'Loading…' },
  errors: {
    generic: 'Something went wrong. Try again.',
    network: 'Kadence could not be reached.',
    codes: {
      VALIDATION: 'Please check what you entered.',
      UNAUTHENTICATED: 'Please sign in.',
      FORBIDDEN: 'Your role does not allow this.',
      NOT_FOUND: 'This was not found.',
      CONFLICT: 'This conflicts with something that already exists.',
      CSRF: 'The page was out of date. Reload and try again.',
      RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
      PAYLOAD_TOO_LARGE: 'That is too large.',
      OPID_REUSED: 'This change could not be sent again: its id was already used for something else. Reload the page.',
      INVALID_CREDENTIALS: 'Wrong e-mail or password.',
      SETUP_DONE: 'Kadence is already set up.',
      INVITE_INVALID: 'This invite link can no longer be used.',
      STORAGE_FULL: 'The server’s disk is full. Nothing was saved; free some space and try again.',
      PRIVATE_ADDRESS: 'Webhooks cannot be sent to internal or private addresses. Use a public address, or ask the administrator to allow this receiver.',
      UPLOAD_TOO_LARGE: 'This file is larger than the server accepts.',
      UPLOAD_QUOTA: 'The team has too many files waiting to be imported. Import or discard some first.',
      INVITE_SIGN_IN: 'Sign in to accept this invite, or use another e-mail address.',
      WORKBOOK_PROTECTED: 'The workbook is password-protected. Remove the password in Excel, save the file and upload it again.',
      WORKBOOK_UNSUPPORTED: 'This spreadsheet is not an .xlsx workbook (.xls, .xlsb and .ods are not read). Save it as .xlsx or CSV and upload it again.',
      WORKBOOK_MALFORMED: 'The workbook is damaged and cannot be read. Open it in Excel and save it again, or save it as CSV.',
      PULSE_NOT_ELIGIBLE: 'You joined the team after this round opened; you can answer the next one.',
      ALREADY_MEMBER: 'That person is already in the team. Change their role in the member list instead.',
      PULSE_ROUND_CLOSED: 'This round is already closed.',
      IMPORT_ALREADY_UNDONE: 'This import was already undone.',
      PROTOCOL_OUTDATED: 'Kadence was updated — reload the page.',
      INTERNAL: 'Something went wrong on the server.',
    },
    details: {
      ENCODING: 'Kadence cannot read this file: its text is in {{encoding}}, not UTF-8, UTF-16 or Windows-1252. Save it as UTF-8 (in Excel: “CSV UTF-8”) and upload it again.',
    },
  },
  counts: {
    duplicates_one: '{{count}} duplicate',
    duplicates_other: '{{count}} duplicates',
    cards_one: '{{count}} card',
    cards_other: '{{count}} cards',
    comments_one: '{{count}} comment',
    comments_other: '{{count}} comments',
    members_one: '{{count}} member',
    members_other: '{{count}} members',
    rows_one: '{{count}} row',
    rows_other: '{{count}} rows',
  },
  teamLanguage: { label: 'Team’s default texts', hint: 'Agenda step names and calendar invitations are made in this language.', da: 'Danish', en: 'English', save: 'Save language', serverDefault: 'Workspace default' },
};
export type Messages = typeof en;

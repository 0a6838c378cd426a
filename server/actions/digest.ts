import type { Store } from '../db/kysely/store.ts';
import nodemailer from 'nodemailer';
import { mailFrom } from '../mail.ts';
import { dueState, localDate } from '../../shared/actions.ts';
import { digestMail } from './digest-mail.ts';
import { createActionsRepo, type ReminderMark } from './repo.ts';
import type { Language } from '../../shared/language.ts';

export interface DigestResult {
  configured: boolean;
  /** One entry per owner who has something overdue or due soon and had no digest about it today. */
  recipients: {
    email: string;
    actions: { id: number; title: string; dueDate: string | null; state: 'overdue' | 'due_soon' }[];
  }[];
  sent: number;
}

/**
 * The e-mail digest to owners. With no SMTP_URL nothing is sent and nothing fails: the result says
 * what would have been sent. Each action is mentioned at most once per owner per local day.
 */
export async function sendDigest(
  store: Store,
  smtpUrl: string | undefined,
  publicUrl: string,
  now = new Date(),
): Promise<DigestResult> {
  const repo = createActionsRepo(store.db);
  const rows = await repo.digestCandidates();

  // An owner in several teams gets one mail, in the language and time zone of the team of their first action.
  const byOwner = new Map<
    string,
    DigestResult['recipients'][number] & { marks: ReminderMark[]; language: Language; timezone: string }
  >();
  for (const row of rows) {
    const today = localDate(now, row.team_timezone);
    const state = dueState(row.status, row.due_date, today);
    if (state !== 'overdue' && state !== 'due_soon') continue;
    if (await repo.reminded(row.id, state, today)) continue;
    const email = row.owner_email;
    if (email === null) continue;
    const entry = byOwner.get(email) ?? {
      email,
      actions: [],
      marks: [],
      language: row.team_language,
      timezone: row.team_timezone,
    };
    entry.actions.push({ id: row.id, title: row.title, dueDate: row.due_date, state });
    entry.marks.push([row.id, state, today]);
    byOwner.set(email, entry);
  }
  const recipients = [...byOwner.values()];
  const result: DigestResult = {
    configured: Boolean(smtpUrl),
    recipients: recipients.map(({ email, actions }) => ({ email, actions })),
    sent: 0,
  };
  if (!smtpUrl) return result;

  const transport = nodemailer.createTransport(smtpUrl);
  try {
    for (const recipient of recipients) {
      const mail = digestMail({
        language: recipient.language,
        timezone: recipient.timezone,
        publicUrl,
        actions: recipient.actions,
      });
      await transport.sendMail({ from: mailFrom(publicUrl), to: recipient.email, ...mail });
      // Marked only once sent, so a failed send is tried again next time.
      await repo.remember(recipient.marks);
      result.sent += 1;
    }
  } finally {
    transport.close();
  }
  return result;
}

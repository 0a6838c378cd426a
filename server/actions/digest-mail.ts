import { formatter } from '../../shared/format.ts';
import type { Language } from '../../shared/language.ts';

export interface DigestMailInput {
  language: Language;
  timezone: string;
  publicUrl: string;
  actions: { title: string; dueDate: string | null; state: 'overdue' | 'due_soon' }[];
}

const WORDS = {
  da: {
    overdue: 'Overskredet',
    due_soon: 'Snart frist',
    due: (date: string) => `frist ${date}`,
    subject: (count: number) =>
      `Kadence: ${count === 1 ? '1 handling' : `${count} handlinger`} kræver din opmærksomhed`,
    open: 'Åbn dine handlinger',
  },
  en: {
    overdue: 'OVERDUE',
    due_soon: 'Due soon',
    due: (date: string) => `due ${date}`,
    subject: (count: number) => `Kadence: ${count === 1 ? '1 action needs' : `${count} actions need`} your attention`,
    open: 'Open your actions',
  },
} as const;

/**
 * The digest e-mail to one owner in the team's language, as the invite mail is (server/invites/mail.ts):
 * each action with its state and due date in that language's date style.
 */
export function digestMail(input: DigestMailInput): { subject: string; text: string } {
  const words = WORDS[input.language];
  const format = formatter(input.language, input.timezone);
  const lines = input.actions.map(
    (action) =>
      `- ${words[action.state]}: ${action.title} (${words.due(action.dueDate ? format.date(action.dueDate) : '-')})`,
  );
  return {
    subject: words.subject(input.actions.length),
    text: `${lines.join('\n')}\n\n${words.open}: ${input.publicUrl}/#/actions\n`,
  };
}

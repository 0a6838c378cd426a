import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const client = resolve(import.meta.dirname, '..', '..', '..', 'client');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? svelteFiles(join(dir, entry.name))
      : entry.name.endsWith('.svelte')
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * One field for choosing a password, so its rule (length, `new-password`, the hint tied to it) is
 * written once: setup, an invite and the account page use PasswordField instead of their own input.
 */
describe('choosing a password', () => {
  const sources = svelteFiles(client).map((file) => ({
    name: relative(client, file),
    text: readFileSync(file, 'utf8'),
  }));

  it('happens in PasswordField alone', () => {
    const own = sources.filter(({ text }) => /autocomplete="new-password"|PASSWORD_MIN_LENGTH/.test(text));
    expect(own.map(({ name }) => name)).toEqual(['components/PasswordField.svelte']);
  });

  it('is what the setup, invite and account pages use', () => {
    const users = sources.filter(({ text }) => text.includes("from '../components/PasswordField.svelte'"));
    expect(users.map(({ name }) => name).sort()).toEqual([
      'pages/Account.svelte',
      'pages/Invite.svelte',
      'pages/Setup.svelte',
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_SETTINGS, loadConfig } from '../../server/plugins/config.ts';

/** A variable line of .env.example, set or commented out: `PORT=3000` or `# PORT=3000`. */
function exampleSettings(): Map<string, string> {
  const settings = new Map<string, string>();
  for (const line of readFileSync('.env.example', 'utf8').split('\n')) {
    const match = /^(?:#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1] !== undefined) settings.set(match[1], match[2] ?? '');
  }
  return settings;
}

/** The names in the first column of README's "Configure it" table. */
function readmeSettings(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Configure it'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('|')));
  return [...table.matchAll(/^\| `([A-Z][A-Z0-9_]*)` *\|/gm)].map((match) => match[1] ?? '');
}

describe('the settings are documented where people look', () => {
  it('knows the settings config reads', () => {
    expect(ENV_SETTINGS).toEqual(expect.arrayContaining(['PORT', 'DATA_DIR', 'PUBLIC_URL', 'SMTP_URL']));
  });

  it('lists every setting in .env.example, and nothing config does not read', () => {
    expect([...exampleSettings().keys()].sort()).toEqual([...ENV_SETTINGS].sort());
  });

  it('lists every setting in README’s configuration table, and nothing else', () => {
    expect(readmeSettings().sort()).toEqual([...ENV_SETTINGS].sort());
  });

  it('gives values in .env.example that config accepts', () => {
    const values = Object.fromEntries([...exampleSettings()].filter(([, value]) => value !== ''));
    expect(() => loadConfig(values)).not.toThrow();
  });
});

import { describe, expect, it, vi } from 'vitest';

// The catalogue module reads the saved language and sets <html lang> when it is imported.
const saved = new Map([['kadence.lang', 'da']]);
vi.stubGlobal('localStorage', { getItem: (key: string) => saved.get(key) ?? null, setItem: (key: string, value: string) => saved.set(key, value) });
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { protocol, watchProtocol } = await import('../../../client/lib/protocol.svelte.ts');
const { locale } = await import('../../../client/lib/i18n/locale.svelte.ts');

/** A socket that can be made to fail its handshake with a given message. */
function fakeSocket() {
  const listeners: ((error: Error) => void)[] = [];
  return { on: (_event: 'connect_error', listener: (error: Error) => void) => listeners.push(listener), refuse: (message: string) => listeners.forEach((listener) => listener(new Error(message))) };
}

describe('a page older than the server', () => {
  it('learns it from the socket refusal, and only from that one', () => {
    const socket = watchProtocol(fakeSocket());
    socket.refuse('UNAUTHENTICATED');
    expect(protocol.outdated).toBe(false);
    socket.refuse('PROTOCOL_OUTDATED');
    expect(protocol.outdated).toBe(true);
  });

  it('is told to reload in Danish and in English', async () => {
    await locale.set('da');
    expect(locale.t('errors.codes.PROTOCOL_OUTDATED')).toBe('Kadence er blevet opdateret — genindlæs siden.');
    await locale.set('en');
    expect(locale.t('errors.codes.PROTOCOL_OUTDATED')).toBe('Kadence was updated — reload the page.');
  });
});

import { describe, expect, it } from 'vitest';
import { useKadenceInChromium } from '../helpers/browser.ts';
import { makeMember } from '../helpers/meeting.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';

describe('a tab left open across an update, in Chromium', () => {
  const e2e = useKadenceInChromium();

  it('is told in Danish to reload when the server refuses its socket protocol', async () => {
    await e2e.kadence.app.services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    const lea = await makeMember(e2e.kadence.app, 'kundeservice', 'lea@example.dk', 'Lea Lund', 'lead');
    const { context, page } = await e2e.open(lea.cookie, '#/teams/kundeservice/import', {
      locale: 'da-DK',
      // The page's socket.io CONNECT packet ("40{…auth…}") claims an older protocol, as a tab built
      // before the update would.
      prepare: (ctx) =>
        ctx.routeWebSocket(/\/socket\.io\//, (ws) => {
          const server = ws.connectToServer();
          ws.onMessage((message) =>
            server.send(
              typeof message === 'string'
                ? message.replace(`"protocol":${PROTOCOL_VERSION}`, `"protocol":${PROTOCOL_VERSION - 1}`)
                : message,
            ),
          );
          server.onMessage((message) => ws.send(message));
        }),
    });
    const notice = page.getByRole('alert').filter({ hasText: 'Kadence er opdateret — genindlæs siden.' });
    await notice.waitFor();
    expect(await notice.getByRole('button', { name: 'Genindlæs' }).count()).toBe(1);
    await context.close();
  });
});

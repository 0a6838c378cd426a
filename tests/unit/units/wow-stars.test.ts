import { describe, expect, it } from 'vitest';
import { foldStars } from '../../../server/units/dashboard-wow.ts';

const event = (meeting: number, actor: string, cardId: string, reaction: string, on: boolean) => ({
  meeting_id: meeting,
  actor: JSON.stringify({ key: actor, name: actor, role: 'member' }),
  payload: JSON.stringify({ cardId, reaction, on }),
});

describe('the ⭐ on each card, folded from the meetings’ logs as the board folds them', () => {
  it('counts each person’s last toggle, once per person', () => {
    const stars = foldStars([
      event(1, 'a', '10', 'wow', true),
      event(1, 'b', '10', 'wow', true),
      event(1, 'a', '10', 'wow', true),
      event(1, 'c', '11', 'wow', true),
      event(1, 'c', '11', 'wow', false),
    ]);
    expect([...stars]).toEqual([[10, 2]]);
  });

  it('keeps the most a card got in any one meeting, and ignores other reactions', () => {
    const stars = foldStars([
      event(1, 'a', '10', 'wow', true),
      event(2, 'a', '10', 'wow', true),
      event(2, 'b', '10', 'wow', true),
      event(2, 'c', '10', 'wow', true),
      event(3, 'a', '10', 'wow', true),
      event(2, 'a', '12', 'heart', true),
      event(2, 'a', '13', 'idea', true),
    ]);
    expect([...stars]).toEqual([[10, 3]]);
  });

  it('skips payloads without a card id or an actor without a key', () => {
    const stars = foldStars([
      { meeting_id: 1, actor: '{}', payload: JSON.stringify({ cardId: '10', reaction: 'wow', on: true }) },
      { meeting_id: 1, actor: JSON.stringify({ key: 'a' }), payload: JSON.stringify({ reaction: 'wow', on: true }) },
    ]);
    expect(stars.size).toBe(0);
  });
});

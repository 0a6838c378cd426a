import { describe, expect, it } from 'vitest';
import { compile, matchPath, splitHash } from '../../../client/lib/router/path.ts';

describe('the hash router: patterns and the address', () => {
  it('matches a pattern by segments and decodes its parameters', () => {
    const live = compile('/teams/:slug/meetings/:id/live');
    expect(matchPath(live, '/teams/kunde%20service/meetings/12/live')).toEqual({ slug: 'kunde service', id: '12' });
    expect(matchPath(live, '/teams/a/meetings/12/live/')).toEqual({ slug: 'a', id: '12' });
    expect(matchPath(live, '/teams/a/meetings/12/summary')).toBeNull();
    expect(matchPath(live, '/teams/a/b/meetings/12/live')).toBeNull();
    expect(matchPath(compile('/teams/:slug'), '/teams/a/feedback')).toBeNull();
  });

  it('treats a parameter that is not valid percent-encoding as no match, and `*` as every path', () => {
    expect(matchPath(compile('/join/:token'), '/join/%E0%A4%A')).toBeNull();
    expect(matchPath(compile('*'), '/anything/at/all')).toEqual({});
    expect(matchPath(compile('/'), '/')).toEqual({});
    expect(matchPath(compile('/'), '/account')).toBeNull();
  });

  it('takes the literal parts of a pattern as text, not as a regular expression', () => {
    expect(matchPath(compile('/a.b'), '/a.b')).toEqual({});
    expect(matchPath(compile('/a.b'), '/axb')).toBeNull();
  });

  it('splits the hash into the path and the query, and reads no hash as the home page', () => {
    expect(splitHash('#/teams/a/meetings/3/live?present')).toEqual({
      path: '/teams/a/meetings/3/live',
      query: 'present',
    });
    expect(splitHash('#/account')).toEqual({ path: '/account', query: '' });
    expect(splitHash('')).toEqual({ path: '/', query: '' });
    expect(splitHash('#section')).toEqual({ path: '/', query: '' });
  });
});

import { api, ApiError, type ApiReply } from '../lib/api.ts';

export type Me = ApiReply<'/api/auth/me', 'get'>;

/** Who is signed in, and whether the workspace still needs its first account. */
export class Session {
  me = $state<Me | null>(null);
  needsSetup = $state(false);
  loaded = $state(false);

  async load(): Promise<void> {
    this.needsSetup = (await api('get', '/api/setup')).needsSetup;
    try {
      this.me = await api('get', '/api/auth/me');
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      this.me = null;
    }
    this.loaded = true;
  }

  async logout(): Promise<void> {
    await api('post', '/api/auth/logout');
    this.me = null;
  }
}

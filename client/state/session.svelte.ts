import type { Me } from '../../shared/schemas/auth.ts';
import { api, ApiError } from '../lib/api.ts';

/** Who is signed in, and whether the workspace still needs its first account. */
export class Session {
  me = $state<Me | null>(null);
  needsSetup = $state(false);
  loaded = $state(false);

  async load(): Promise<void> {
    this.needsSetup = (await api<{ needsSetup: boolean }>('GET', '/api/setup')).needsSetup;
    try {
      this.me = await api<Me>('GET', '/api/auth/me');
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      this.me = null;
    }
    this.loaded = true;
  }

  async logout(): Promise<void> {
    await api('POST', '/api/auth/logout');
    this.me = null;
  }
}

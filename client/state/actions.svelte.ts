import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.ts';
import { handshakeAuth } from '../../shared/protocol.ts';
import { api, type ApiQuery, type ApiSchema } from '../lib/api.ts';

type Action = ApiSchema<'Action'>;
type ListQuery = ApiQuery<'/api/actions', 'get'>;
import { errorMessage } from '../lib/errors.ts';
import { watchProtocol } from '../lib/protocol-watch.ts';
import { updateNotice } from './update-notice.svelte.ts';

/** The filter form's fields; '' is "any". The owner is "me" or a user id as the form gives it. */
export interface TrackerFilter {
  team: string;
  owner: string;
  status: NonNullable<ListQuery['status']> | '';
  due: NonNullable<ListQuery['due']> | '';
}

const opId = () => `op${Math.random().toString(36).slice(2, 12)}`;

/** The tracker: a filtered list, the caller's reminders, and live reloads when a team's action changes. */
export class ActionsTracker {
  actions = $state<Action[]>([]);
  ledTeams = $state<string[]>([]);
  reminders = $state<Action[]>([]);
  filter = $state<TrackerFilter>({ team: '', owner: '', status: '', due: '' });
  error = $state('');
  loaded = $state(false);
  /** Everyone seen owning an action so far, for the owner filter. */
  owners = $state<{ id: number; name: string }[]>([]);
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

  /** The filter as the list's query; empty fields are left out. */
  private listQuery(): ListQuery {
    const { team, owner, status, due } = this.filter;
    return {
      team: team || undefined,
      owner: owner === 'me' ? 'me' : owner ? Number(owner) : undefined,
      status: status || undefined,
      due: due || undefined,
    };
  }

  /** The same filter as a query string, for the export links. */
  query(): string {
    return Object.entries(this.filter)
      .filter(([, value]) => value)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&');
  }

  async load(): Promise<void> {
    try {
      const [list, reminders] = await Promise.all([
        api('get', '/api/actions', { query: this.listQuery() }),
        api('get', '/api/actions/reminders'),
      ]);
      this.actions = list.actions;
      const seen = list.actions.flatMap((action) =>
        action.ownerId === null ? [] : [{ id: action.ownerId, name: action.ownerName ?? '' }],
      );
      this.owners = [...this.owners, ...seen]
        .filter((owner, index, all) => all.findIndex((other) => other.id === owner.id) === index)
        .sort((a, b) => a.name.localeCompare(b.name));
      this.ledTeams = list.ledTeams;
      this.reminders = reminders.actions;
      this.error = '';
    } catch (caught) {
      this.error = errorMessage(caught);
    }
    this.loaded = true;
  }

  /** Joins the rooms of the caller's teams; any change there reloads the list. */
  connect(teams: string[]): void {
    this.socket ??= io({ withCredentials: true, transports: ['websocket'], auth: handshakeAuth() });
    const join = () => {
      for (const team of teams) this.socket?.emit('team:join', { opId: opId(), team }, () => undefined);
    };
    this.socket.off('connect');
    this.socket.off('actions:changed');
    this.socket.off('connect_error');
    watchProtocol(this.socket, updateNotice.show);
    this.socket.on('connect', join);
    this.socket.on('actions:changed', () => void this.load());
    if (this.socket.connected) join();
  }

  disconnect(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  async changeStatus(action: Action, to: Action['status'], reason?: string): Promise<void> {
    try {
      await api('post', '/api/teams/{team}/actions/{id}/status', {
        path: { team: action.team.slug, id: action.id },
        body: { to, ...(reason ? { reason } : {}) },
      });
      await this.load();
    } catch (caught) {
      this.error = errorMessage(caught);
    }
  }
}

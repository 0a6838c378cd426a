import type { Mapping } from '../../shared/fields.ts';
import type { ImportProgress } from '../../shared/schemas/imports.ts';
import { api, type ApiReply } from '../lib/api.ts';
import { onTeamEvent } from '../lib/socket.ts';

export type ImportOutcome = ApiReply<'/api/teams/{team}/imports', 'post'>;
type Preview = ApiReply<'/api/teams/{team}/imports/uploads/{uploadId}/preview', 'post'>;

/** One file on its way in: uploaded, previewed, mapped, imported with live progress. */
export class ImportFlow {
  uploadId = $state<string | null>(null);
  fileName = $state('');
  preview = $state<Preview | null>(null);
  mapping = $state<Mapping>({});
  progress = $state<ImportProgress | null>(null);
  outcome = $state<ImportOutcome | null>(null);
  busy = $state(false);
  saved = $state<{ name: string; mapping: Mapping }[]>([]);

  constructor(private readonly team: string) {}

  /** Progress arrives over the team's socket room while the import request is running. */
  listen(): () => void {
    return onTeamEvent(this.team, 'import:progress', (progress) => {
      if (this.busy) this.progress = progress;
    });
  }

  async loadSaved(): Promise<void> {
    this.saved = (await api('get', '/api/teams/{team}/imports/mappings', { path: { team: this.team } })).mappings;
  }

  /** Applies a saved mapping to the file at hand; columns the file lacks are left unmapped. */
  async useSaved(name: string): Promise<void> {
    const chosen = this.saved.find((entry) => entry.name === name);
    if (!chosen || !this.preview) return;
    const headers = this.preview.headers;
    this.mapping = Object.fromEntries(Object.entries(chosen.mapping).filter(([, header]) => headers.includes(header)));
    await this.remap();
  }

  async saveAs(name: string): Promise<void> {
    await api('put', '/api/teams/{team}/imports/mappings/{name}', {
      path: { team: this.team, name },
      body: { mapping: this.cleanMapping() },
    });
    await this.loadSaved();
  }

  async choose(file: File): Promise<void> {
    this.reset();
    this.fileName = file.name;
    const form = new FormData();
    form.append('file', file);
    const result = await api('post', '/api/teams/{team}/imports/uploads', { path: { team: this.team }, body: form });
    this.uploadId = result.uploadId;
    this.preview = result.preview;
    this.mapping = { ...result.preview.mapping };
  }

  async remap(): Promise<void> {
    if (!this.uploadId) return;
    this.preview = await api('post', '/api/teams/{team}/imports/uploads/{uploadId}/preview', {
      path: { team: this.team, uploadId: this.uploadId },
      body: { fileName: this.fileName, mapping: this.cleanMapping() },
    });
  }

  async run(): Promise<void> {
    if (!this.uploadId) return;
    this.busy = true;
    this.progress = { importId: 0, rows: 0, bytes: 0, totalBytes: 1, percent: 0 };
    try {
      this.outcome = await api('post', '/api/teams/{team}/imports', {
        path: { team: this.team },
        body: { uploadId: this.uploadId, fileName: this.fileName, mapping: this.cleanMapping() },
      });
      this.progress = { ...this.progress, importId: this.outcome.importId, rows: this.outcome.rows, percent: 100 };
      this.uploadId = null;
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.uploadId = null;
    this.preview = null;
    this.outcome = null;
    this.progress = null;
    this.mapping = {};
  }

  private cleanMapping(): Mapping {
    return Object.fromEntries(Object.entries(this.mapping).filter(([, header]) => header));
  }
}

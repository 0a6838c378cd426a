import type { ImportError, ImportProgress, ImportSkipped, Mapping, Preview } from '../../shared/schemas/imports.ts';
import { api, upload } from '../lib/api.ts';
import { onTeamEvent } from '../lib/socket.ts';

export interface ImportOutcome {
  importId: number;
  rows: number;
  imported: number;
  updated: number;
  duplicates: number;
  rejected: number;
  errors: ImportError[];
  skipped: ImportSkipped[];
}

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
    this.saved = (await api<{ mappings: { name: string; mapping: Mapping }[] }>('GET', `/api/teams/${this.team}/imports/mappings`)).mappings;
  }

  /** Applies a saved mapping to the file at hand; columns the file lacks are left unmapped. */
  async useSaved(name: string): Promise<void> {
    const chosen = this.saved.find((entry) => entry.name === name);
    if (!chosen || !this.preview) return;
    const headers = this.preview.headers;
    this.mapping = Object.fromEntries(Object.entries(chosen.mapping).filter(([, header]) => headers.includes(header))) as Mapping;
    await this.remap();
  }

  async saveAs(name: string): Promise<void> {
    await api('PUT', `/api/teams/${this.team}/imports/mappings/${encodeURIComponent(name)}`, { mapping: this.cleanMapping() });
    await this.loadSaved();
  }

  async choose(file: File): Promise<void> {
    this.reset();
    this.fileName = file.name;
    const result = await upload<{ uploadId: string; preview: Preview }>(`/api/teams/${this.team}/imports/uploads`, file);
    this.uploadId = result.uploadId;
    this.preview = result.preview;
    this.mapping = { ...result.preview.mapping };
  }

  async remap(): Promise<void> {
    if (!this.uploadId) return;
    this.preview = await api<Preview>('POST', `/api/teams/${this.team}/imports/uploads/${this.uploadId}/preview`, { fileName: this.fileName, mapping: this.cleanMapping() });
  }

  async run(): Promise<void> {
    if (!this.uploadId) return;
    this.busy = true;
    this.progress = { importId: 0, rows: 0, bytes: 0, totalBytes: 1, percent: 0 };
    try {
      this.outcome = await api<ImportOutcome>('POST', `/api/teams/${this.team}/imports`, { uploadId: this.uploadId, fileName: this.fileName, mapping: this.cleanMapping() });
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
    return Object.fromEntries(Object.entries(this.mapping).filter(([, header]) => header)) as Mapping;
  }
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/plugins/config.ts';
import { buildClient, entryKey, readManifest } from '../helpers/bundle-size.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The built client as the server sends it: precompressed, hashed files cached for good, index.html always checked. */
describe('serving the built client', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'kadence-client-'));
  const uploadDir = mkdtempSync(join(tmpdir(), 'kadence-uploads-'));
  let app: FastifyInstance;
  let entry = '';

  beforeAll(async () => {
    buildClient(outDir);
    const manifest = readManifest(outDir);
    entry = `/${manifest[entryKey(manifest)]?.file ?? ''}`;
    app = await buildApp(
      { ...loadConfig({}), databaseFile: ':memory:', uploadDir },
      { logger: false, clientDir: outDir },
    );
    await app.ready();
  }, 240_000);

  afterAll(async () => {
    await app.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('writes a .br and a .gz beside every script, stylesheet and index.html at build time', () => {
    const files = [
      'index.html',
      ...readdirSync(join(outDir, 'assets'))
        .filter((name) => /\.(js|css)$/.test(name))
        .map((name) => join('assets', name)),
    ];
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const original = readFileSync(join(outDir, file));
      expect(brotliDecompressSync(readFileSync(join(outDir, `${file}.br`))).equals(original), file).toBe(true);
      expect(gunzipSync(readFileSync(join(outDir, `${file}.gz`))).equals(original), file).toBe(true);
    }
  });

  it('sends a hashed script as brotli when accepted, else gzip, else plain, cached as immutable', async () => {
    const original = readFileSync(join(outDir, entry));
    const brotli = await app.inject({ url: entry, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers['cache-control']).toBe(IMMUTABLE);
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(brotli.rawPayload).equals(original)).toBe(true);
    expect(brotli.rawPayload.length).toBeLessThan(original.length / 2);

    const gzip = await app.inject({ url: entry, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gzip.rawPayload).equals(original)).toBe(true);

    const plain = await app.inject({ url: entry, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it('sends index.html compressed and never cached, at / and for any page path the app owns', async () => {
    const html = readFileSync(join(outDir, 'index.html'));
    for (const url of ['/', '/index.html', '/some/page']) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/text\/html/);
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(response.rawPayload).equals(html), url).toBe(true);
    }
  });

  it('answers a missing hashed file with 404, not with the app', async () => {
    const missing = await app.inject({ url: '/assets/index-gone1234.js', headers: { 'accept-encoding': 'br' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Writes `.br` and `.gz` beside every text file of the build, at the strongest levels, so the server
 * sends them as they are (@fastify/static `preCompressed`) and never compresses per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'kadence-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(file) || file.includes('/.vite/') || statSync(file).size === 0) continue;
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
          }),
        );
      }
    },
  };
}

const EIO_TRANSPORTS = '\0kadence:engine.io-transports';

/**
 * Every Kadence socket opens WebSocket only (`transports: ['websocket']`): no sticky sessions are
 * needed behind a load balancer, and a reconnect simply opens a new WebSocket. engine.io-client still
 * bundles its HTTP long-polling and WebTransport code through its table of transports by name; this
 * swaps that table for one holding WebSocket alone, so the client does not ship code it never runs.
 */
function websocketOnly(): Plugin {
  const transports = join(
    dirname(createRequire(import.meta.url).resolve('engine.io-client/package.json')),
    'build',
    'esm',
    'transports',
  );
  return {
    name: 'kadence-websocket-only',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (importer === undefined || !/engine\.io-client[\\/]build[\\/]esm[\\/]/.test(importer)) return null;
      if (source === './transports/index.js') return EIO_TRANSPORTS;
      // The package's index re-exports the other transports; said to be free of side effects, they drop out unused.
      if (!/polling|webtransport|has-cors/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved && { ...resolved, moduleSideEffects: false };
    },
    load(id) {
      if (id !== EIO_TRANSPORTS) return null;
      return `import { WS } from ${JSON.stringify(join(transports, 'websocket.js'))};\nexport const transports = { websocket: WS };\n`;
    },
  };
}

export default defineConfig({
  root: `${root}client`,
  plugins: [websocketOnly(), svelte(), precompress()],
  build: {
    outDir: `${root}dist/client`,
    emptyOutDir: true,
    target: 'es2022',
    manifest: true,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } } },
  test: {
    root,
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

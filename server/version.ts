import { version } from '../package.json';

/**
 * Kadence's version, from package.json. esbuild inlines this one field into dist/server, so a built
 * release answers with the version it was built as and never reads a package.json at run time.
 */
export const KADENCE_VERSION: string = version;

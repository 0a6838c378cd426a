// `npm run gen:api`: writes the client's API types from the document the server produces.
import { writeFileSync } from 'node:fs';
import { CLIENT_TYPES_FILE, clientTypes, liveDocument } from './client-types.ts';

writeFileSync(CLIENT_TYPES_FILE, await clientTypes(await liveDocument()));
console.log(`gen:api: wrote ${CLIENT_TYPES_FILE}`);

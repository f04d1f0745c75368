// The folder of the tei-edition package itself (where xslt/ and src/templates/ live), both when
// running compiled (lib/) and from source (src/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

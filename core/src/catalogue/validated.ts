// The catalogue as validated data. A cloud function bundle replaces this module with the output
// of the same parse, run at build time (scripts/build-functions.mjs), so that a cold start does
// not validate configuration that cannot have changed since the build.
import { parseCatalogue, type Catalogue } from './schema';
import data from './services.json';

export const CATALOGUE: Catalogue = parseCatalogue(data);

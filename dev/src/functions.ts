import { FUNCTIONS as DEPLOYED } from '@bianmin/server/functions';
import type { Dispatchable } from '@bianmin/server/runtime/dispatch';

/**
 * Every resident function the gateway serves at POST /api/<name>: the deployed functions' own
 * definitions (server/src/functions.ts), so a function CloudBase runs is one the stack serves.
 */
export const FUNCTIONS: Readonly<Record<string, Dispatchable>> = Object.fromEntries(DEPLOYED.flatMap((f) => (f.handler.kind === 'resident' ? [[f.name, f.handler.def] as const] : [])));

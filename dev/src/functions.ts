import type { FunctionDefinition } from '@bianmin/server/runtime/define';
import { servicesFunction } from '../../cloudfunctions/services/service';

/** Every cloud function the gateway serves at POST /api/<name>: the same definitions CloudBase runs. */
export const FUNCTIONS: Record<string, FunctionDefinition> = {
  services: servicesFunction as unknown as FunctionDefinition,
};

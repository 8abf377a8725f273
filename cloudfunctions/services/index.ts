// CloudBase entry for the `services` function: the catalogue and live availability.
import { cloudbaseEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';
import { servicesFunction } from './service';

export const main = cloudbaseEntry(deployment, servicesFunction);

// CloudBase entry for the `services` function: the catalogue and live availability.
import { cloudbaseEntry } from '@bianmin/server/runtime/cloudbase';
import { servicesFunction } from './service';

export const main = cloudbaseEntry(servicesFunction);

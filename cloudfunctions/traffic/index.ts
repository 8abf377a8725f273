// CloudBase entry for the `traffic` function: vehicles, violations, confirmation and fines.
import { cloudbaseEntry } from '@bianmin/server/runtime/cloudbase';
import { trafficFunction } from './service';

export const main = cloudbaseEntry(trafficFunction);

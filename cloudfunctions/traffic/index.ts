// CloudBase entry for the `traffic` function: vehicles, violations, confirmation and fines.
import { cloudbaseEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';
import { trafficFunction } from './service';

export const main = cloudbaseEntry(deployment, trafficFunction);

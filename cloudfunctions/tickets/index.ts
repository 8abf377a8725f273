// CloudBase entry for the `tickets` function: 12345 complaints and consultations.
import { cloudbaseEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';
import { ticketsFunction } from './service';

export const main = cloudbaseEntry(deployment, ticketsFunction);

// CloudBase entry for the `bills` function: utility households, bills and payments.
import { cloudbaseEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';
import { billsFunction } from './service';

export const main = cloudbaseEntry(deployment, billsFunction);

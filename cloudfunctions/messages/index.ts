// CloudBase entry for the `messages` function: the in-app message centre.
import { cloudbaseEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';
import { messagesFunction } from './service';

export const main = cloudbaseEntry(deployment, messagesFunction);

// CloudBase entry for the `messages` function: the in-app message centre.
import { cloudbaseEntry } from '@bianmin/server/runtime/cloudbase';
import { messagesFunction } from './service';

export const main = cloudbaseEntry(messagesFunction);

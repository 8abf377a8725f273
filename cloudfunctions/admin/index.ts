// CloudBase entry for `admin`: the operator console's API over HTTPS (HTTP access service), with
// WeChat Work sign-in wired from the function's configuration.
import { adminFunction } from '@bianmin/server/admin/function';
import { cloudbaseHttpEntry } from '@bianmin/server/admin/http-entry';
import { wecomSignIn } from '@bianmin/server/admin/wecom';
import { deployment } from './function';

export const main = cloudbaseHttpEntry(deployment, adminFunction, (config) => (config.wecom ? { wecom: wecomSignIn(config.wecom) } : {}));

// Moved to core: the admin HTTP function answers with the same statuses.
export { HTTP_STATUS } from '@bianmin/core/http-status';

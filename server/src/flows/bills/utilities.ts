import { AppError, type ProviderId, providerById } from '@bianmin/core';
import { utilityApi, type UtilityApi } from '../../departments/utility';
import type { Deps } from '../../runtime/types';

/** The typed client of a utility, or a clear refusal when this deployment has no endpoint for it. */
export function utilityFor(deps: Deps, providerId: string): UtilityApi {
  const provider = providerById(providerId);
  const client = provider ? deps.departments[provider.id] : undefined;
  if (!provider || !client) {
    throw new AppError('DEPARTMENT_UNAVAILABLE', `${provider?.name ?? '该缴费单位'}暂未接通，请稍后再试。`, { retryable: true });
  }
  return utilityApi(provider.id as ProviderId, client);
}

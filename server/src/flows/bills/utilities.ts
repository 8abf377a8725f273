import { AppError, type ProviderId, providerById } from '@bianmin/core';
import { departmentApi, type DepartmentsDeps } from '../../departments/index';
import { utilityApi, type UtilityApi } from '../../departments/utility';

/** The typed client of a utility (by its provider id, which is its department id). */
export function utilityFor(deps: DepartmentsDeps, providerId: string): UtilityApi {
  const provider = providerById(providerId);
  if (!provider) throw new AppError('DEPARTMENT_UNAVAILABLE', '该缴费单位暂时无法连接，请稍后再试。', { retryable: true });
  return departmentApi(deps, provider.id, (client) => utilityApi(provider.id as ProviderId, client), provider.name);
}

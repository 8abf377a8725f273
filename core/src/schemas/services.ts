import { z } from 'zod';
import type { Availability } from '../availability-types';
import type { Category, ServiceSummary } from '../catalogue';

export const servicesInput = {
  list: z.object({}),
  status: z.object({
    serviceId: z
      .string({ error: '请提供服务编号 serviceId' })
      .trim()
      .min(1, '服务编号 serviceId 不能为空')
      .max(64, '服务编号 serviceId 过长'),
  }),
};

export type ServiceListItem = ServiceSummary & { availability?: Availability };

export interface ServicesListResult {
  categories: Category[];
  services: ServiceListItem[];
  /** When the answer was computed (ISO 8601, +08:00): the hub shows it and refreshes from it. */
  now: string;
}

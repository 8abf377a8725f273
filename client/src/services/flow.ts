import { defineFlow, pathsOf } from '../flows/define';

/**
 * The public record of every department: each service's state now (with the reason and when it
 * reopens), what is planned, uptime and the last 30 days' incidents, and how 12345 tickets were
 * answered. No sign-in: opened from the hub's 各部门服务状态 by anyone.
 */
export const servicesFlow = defineFlow({
  root: 'services',
  title: '服务状态：各部门的停办原因、恢复时间、可用率和中断记录',
  pages: { status: 'pages/status/index' },
  services: {},
});

export const PATHS = pathsOf(servicesFlow);

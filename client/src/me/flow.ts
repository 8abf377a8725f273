import { defineFlow, pathsOf } from '../flows/define';

/** The resident's own account: 我的数据 (see, export, delete what Bianmin holds about them). */
export const meFlow = defineFlow({
  root: 'me',
  title: '我的：我的数据（查看、导出、删除）',
  pages: { data: 'pages/data/index' },
  services: {},
});

export const PATHS = pathsOf(meFlow);

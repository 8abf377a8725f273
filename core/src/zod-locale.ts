import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

// Residents read every validation message: zod's own fall-back wording must be Chinese too.
// Only the one locale is imported, to keep it out of the mini-program's size budget.
z.config(zhCN());

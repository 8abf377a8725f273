import { z } from 'zod';
// The one locale file, not `zod/locales`: that index carries every language (~350 KB in a bundle).
import zhCN from 'zod/v4/locales/zh-CN.cjs';

// Residents read every validation message: zod's own fall-back wording must be Chinese too.
z.config(zhCN());

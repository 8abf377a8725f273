import { z } from 'zod';
import { zhCN } from 'zod/locales';

// Residents read every validation message: zod's own fall-back wording must be Chinese too.
z.config(zhCN());

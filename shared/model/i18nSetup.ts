import { z } from 'zod';

// Users are Chinese secretaries and experts: zod's own messages (type errors and the like) in zh-CN.
z.config(z.locales.zhCN());

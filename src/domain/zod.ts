/**
 * The one zod the app's code imports. It is configured before any schema is built so that zod
 * never compiles validators with `new Function`: the app runs under a Content-Security-Policy
 * without 'unsafe-eval', and zod decides this when each schema is constructed, so the setting must
 * come first wherever a chunk is loaded. Lint forbids importing "zod" directly in src/.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };

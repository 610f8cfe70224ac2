/**
 * Runs before any schema is used: zod must not compile validators with `new Function`, which the
 * Content-Security-Policy (no 'unsafe-eval') forbids.
 */
import { z } from 'zod';

z.config({ jitless: true });

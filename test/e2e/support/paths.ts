/** Where the browser tests find the built app. */
import path from 'node:path';

export const distDir = path.resolve('dist');

/**
 * The Content-Security-Policy the app is built and hosted with.
 *
 * Used by the build (as a meta tag) and documented in the README as the HTTP header a host
 * should send (with `frame-ancestors`, which a meta tag cannot carry). Everything comes from the
 * app's own origin: no inline script, no eval, no third-party fonts, analytics or CDN.
 */
export const cspDirectives: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

export const contentSecurityPolicy = Object.entries(cspDirectives)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/** The header form adds what only a header can say. */
export const contentSecurityPolicyHeader = `${contentSecurityPolicy}; frame-ancestors 'none'`;

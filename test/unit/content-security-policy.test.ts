import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyHeader } from '@/app/content-security-policy';

describe('the Content-Security-Policy', () => {
  it('allows scripts, styles and connections from the app origin only, and never eval', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("style-src 'self'");
    expect(contentSecurityPolicy).toContain("connect-src 'self'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)|https?:/);
  });

  it('adds frame-ancestors only in the header form, which a meta tag cannot carry', () => {
    expect(contentSecurityPolicy).not.toContain('frame-ancestors');
    expect(contentSecurityPolicyHeader).toContain("frame-ancestors 'none'");
  });
});

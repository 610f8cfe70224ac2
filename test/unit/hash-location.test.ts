import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '@/components/routing/hash-location';

describe('parseRoute', () => {
  it.each([
    ['/', '/', ''],
    ['/applications/', '/applications', ''],
    ['/start?advert=msk-2012', '/start', 'advert=msk-2012'],
    ['', '/', ''],
  ])('splits %j into path %j and query %j', (route, path, query) => {
    const parsed = parseRoute(route);
    expect(parsed.path).toBe(path);
    expect(parsed.query.toString()).toBe(query);
  });

  it('makes hrefs that keep the route in the hash', () => {
    expect(href('/applications')).toBe('#/applications');
    expect(href('start')).toBe('#/start');
  });
});

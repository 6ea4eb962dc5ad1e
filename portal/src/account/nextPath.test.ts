import { describe, expect, it } from 'vitest';
import { nextPath, withNext } from './nextPath';

describe('nextPath', () => {
  it('returns a path on this site', () => {
    expect(nextPath(new URLSearchParams('next=/matters/123/apply?x=1'))).toBe('/matters/123/apply?x=1');
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', ''])('refuses %s', (next) => {
    expect(nextPath(new URLSearchParams({ next }))).toBe('/');
  });

  it('builds the link back', () => {
    expect(withNext('/login', '/applications')).toBe('/login?next=%2Fapplications');
    expect(withNext('/register', '/')).toBe('/register');
  });
});

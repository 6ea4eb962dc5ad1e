import { describe, expect, it } from 'vitest';
import { matchRoute } from './matchRoute';

describe('matchRoute (write side)', () => {
  const code = '1143990100601012XX0001220140001';
  const number = `${code}202612020001`;

  it('knows the apply, draft, 我的办件, status and receipt pages', () => {
    expect(matchRoute(`/matters/${code}/apply`)).toEqual({ page: 'apply', code });
    expect(matchRoute('/drafts/0b7c3c1e-5a3f-4c1e-9d51-2f7d3b6a9c10')).toEqual({
      page: 'draft',
      id: '0b7c3c1e-5a3f-4c1e-9d51-2f7d3b6a9c10',
    });
    expect(matchRoute('/applications')).toEqual({ page: 'applications' });
    expect(matchRoute(`/applications/${number}`)).toEqual({ page: 'application', number });
    expect(matchRoute(`/applications/${number}/receipt`)).toEqual({ page: 'receipt', number });
  });

  it('refuses what is not one of them', () => {
    expect(matchRoute('/drafts/not-a-uuid')).toEqual({ page: 'notFound' });
    expect(matchRoute(`/applications/${number}/other`)).toEqual({ page: 'notFound' });
  });
});

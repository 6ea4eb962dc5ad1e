import { describe, expect, it } from 'vitest';
import { apiQuery, normaliseQuery, readSearchState, searchPath } from './SearchState';

describe('search terms as typed on a phone', () => {
  it('turns full-width and repeated blanks into one space and trims', () => {
    expect(normaliseQuery('　食品\u3000\u3000许可  ')).toBe('食品 许可');
    expect(normaliseQuery('   ')).toBe('');
  });

  it('caps the length the API accepts without cutting a character in half', () => {
    const long = '𠀀'.repeat(150);
    expect(Array.from(normaliseQuery(long))).toHaveLength(100);
  });
});

describe('the search URL', () => {
  it('round-trips the filters that are set, and only those', () => {
    const path = searchPath({ q: ' 食品许可 ', audience: 'corporate', theme: '准营准办', page: 2 });
    expect(path).toBe(
      '/search?q=%E9%A3%9F%E5%93%81%E8%AE%B8%E5%8F%AF&audience=corporate&theme=%E5%87%86%E8%90%A5%E5%87%86%E5%8A%9E&page=2',
    );
    const state = readSearchState(new URLSearchParams(path.split('?')[1]));
    expect(state).toEqual({ q: '食品许可', audience: 'corporate', theme: '准营准办', department: undefined, page: 2 });
    expect(searchPath({})).toBe('/search');
  });

  it('drops values the API would refuse instead of failing the page', () => {
    expect(readSearchState(new URLSearchParams('audience=everyone&page=-3'))).toMatchObject({ audience: undefined, page: 1 });
    expect(readSearchState(new URLSearchParams('page=1.5')).page).toBe(1);
  });

  it('asks the API for one page of twenty', () => {
    const query = apiQuery(readSearchState(new URLSearchParams('q=食品&page=3')));
    expect(Object.fromEntries(query)).toEqual({ q: '食品', page: '3', pageSize: '20' });
  });
});

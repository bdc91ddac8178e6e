import { describe, expect, it } from 'vitest';
import { trigramMatch } from './trigram-search.js';

describe('trigram search query', () => {
  it('searches a keyword without ubiquitous words as one phrase', () => {
    expect(trigramMatch('鼎盛科技')).toEqual({ match: '"鼎盛科技"', exact: true });
    expect(trigramMatch('ht-2026-0001')).toEqual({ match: '"ht-2026-0001"', exact: true });
  });

  it('searches the pieces around ubiquitous trigrams together, to be checked whole', () => {
    expect(trigramMatch('鼎盛科技有限公司12')).toEqual({
      match: '"鼎盛科技有限" AND "公司12"',
      exact: false,
    });
    expect(trigramMatch('acme co., ltd. 2')).toEqual({ match: '"acme co" AND "d. 2"', exact: false });
  });

  it('searches a keyword made only of ubiquitous words whole', () => {
    expect(trigramMatch('有限公司')).toEqual({ match: '"有限公司"', exact: true });
  });

  it('escapes double quotes inside a phrase', () => {
    expect(trigramMatch('say "hi"')).toEqual({ match: '"say ""hi"""', exact: true });
  });
});

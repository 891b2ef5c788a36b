import { describe, expect, it } from 'vitest';
import { similarTitleQuery } from './idea-search';

describe('similarTitleQuery', () => {
  it('makes each word of three letters or more a prefix, any of them matching', () => {
    expect(similarTitleQuery('Free bookmark for regular customers')).toBe(
      'free:* | bookmark:* | for:* | regular:* | customers:*',
    );
  });

  it('drops what could break the query: quotes, operators, punctuation', () => {
    expect(similarTitleQuery("it's a 'test' & (or) ! | :* <->")).toBe('test:*');
  });

  it('keeps letters of any language and digits, lower-cased, each word once', () => {
    expect(similarTitleQuery('Доставка ДОСТАВКА 24h Lieferung')).toBe('доставка:* | 24h:* | lieferung:*');
  });

  it('returns null when no word is long enough', () => {
    expect(similarTitleQuery('a b ! ?')).toBeNull();
    expect(similarTitleQuery('')).toBeNull();
  });

  it('stops at the word limit', () => {
    expect(similarTitleQuery('one two three four', 2)).toBe('one:* | two:*');
  });
});

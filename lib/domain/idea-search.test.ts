import { describe, expect, it } from 'vitest';
import { similarTitleQuery } from './idea-search';

describe('similarTitleQuery', () => {
  it('makes each word of four letters or more a prefix, any of them matching; short words say little', () => {
    expect(similarTitleQuery('Free bookmark for regular customers')).toBe(
      'free:* | bookmark:* | regular:* | customers:*',
    );
  });

  it('keeps a three-letter last word: it is still being typed', () => {
    expect(similarTitleQuery('Bookmark for reg')).toBe('bookmark:* | reg:*');
    expect(similarTitleQuery('SMS')).toBe('sms:*');
  });

  it('drops what could break the query: quotes, operators, punctuation', () => {
    expect(similarTitleQuery("it's a 'test' & (or) ! | :* <-> done")).toBe('test:* | done:*');
  });

  it('keeps letters of any language and digits, lower-cased, each word once', () => {
    expect(similarTitleQuery('Доставка ДОСТАВКА 2024 Lieferung')).toBe('доставка:* | 2024:* | lieferung:*');
  });

  it('returns null when no word is long enough', () => {
    expect(similarTitleQuery('a b ! ?')).toBeNull();
    expect(similarTitleQuery('')).toBeNull();
  });

  it('stops at the word limit', () => {
    expect(similarTitleQuery('three four five seven', 2)).toBe('three:* | four:*');
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import type { Jsonify } from './json';

describe('Jsonify', () => {
  it('turns dates into strings, deep inside objects and arrays, and keeps the rest', () => {
    interface Server {
      id: string;
      at: Date;
      maybe: Date | null;
      optional?: number;
      nested: { list: { when: Date; n: number }[] };
      kind: 'a' | 'b';
    }
    expectTypeOf<Jsonify<Server>>().toEqualTypeOf<{
      id: string;
      at: string;
      maybe: string | null;
      optional?: number;
      nested: { list: { when: string; n: number }[] };
      kind: 'a' | 'b';
    }>();
  });

  it('leaves out functions and sends a Map as an empty object, as JSON.stringify does', () => {
    expectTypeOf<Jsonify<{ f: () => void; m: Map<string, number>; n: number }>>().toEqualTypeOf<{
      m: Record<string, never>;
      n: number;
    }>();
  });
});

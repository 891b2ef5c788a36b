import { describe, expect, it } from 'vitest';
import { scaleDomain } from './effect-scale';
import { filtersOf, isFiltered, openBlockersHref, registerHref } from './register-url';

const touchpoint = '3f0c2b1a-8d4e-4c6f-9a7b-1e2d3c4b5a69';
const department = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe("the register's address", () => {
  it('names only the filters chosen, and reads back to the same filters', () => {
    expect(registerHref({})).toBe('/levers');
    const filters = { kind: 'blocker', state: 'open', touchpointId: touchpoint, departmentId: department } as const;
    const href = registerHref(filters);
    expect(href).toBe(`/levers?kind=blocker&state=open&touchpoint=${touchpoint}&department=${department}`);
    expect(filtersOf(Object.fromEntries(new URL(href, 'http://x').searchParams))).toEqual(filters);
  });

  it("links a touchpoint's open blockers", () => {
    expect(openBlockersHref(touchpoint)).toBe(`/levers?kind=blocker&state=open&touchpoint=${touchpoint}`);
  });

  it('treats what it does not know as no filter, and takes the first of a repeated one', () => {
    const filters = filtersOf({ kind: 'gadget', state: '', touchpoint: 'not-an-id', department: [department, 'x'] });
    expect(filters).toEqual({ departmentId: department });
    expect(isFiltered(filters)).toBe(true);
    expect(isFiltered(filtersOf({}))).toBe(false);
  });
});

describe("the ranked levers' common axis", () => {
  it('spans every interval, with zero and one minimum meaningful change either side on it', () => {
    expect(scaleDomain([])).toEqual({ low: -1, high: 1 });
    expect(scaleDomain([{ scaledLow: 0.2, scaledHigh: 0.6 }])).toEqual({ low: -1, high: 1 });
    expect(
      scaleDomain([
        { scaledLow: 2.7, scaledHigh: 9.05 },
        { scaledLow: -3.5, scaledHigh: 3.6 },
      ]),
    ).toEqual({ low: -3.5, high: 9.05 });
  });
});

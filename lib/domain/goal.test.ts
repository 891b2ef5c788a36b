import { describe, expect, it } from 'vitest';
import {
  characterCount,
  draftProblems,
  entryChanges,
  entrySimilarity,
  GOAL_CHARACTER_BUDGET,
  type GoalSections,
  goalBudget,
  goalLength,
  hasChanges,
  listChanges,
  type MemberReading,
  publishProblems,
  readingByDepartment,
  targetValueInRange,
  wordChanges,
} from './goal';

const complete: GoalSections = {
  statement: 'Readers come back because buying a book with us is easy.', // 56
  whyService: 'Service is why they return.', // 27
  atmosphere: 'Calm and friendly.', // 18
  commitments: ['Reply within a day.', 'Deliver on time.', 'Keep every promise.'], // 19 + 16 + 19
  dayToDay: 'Answer as you would a friend.', // 29
};

/** A goal of exactly `total` characters: the complete one, with the statement padded. */
function goalOfLength(total: number): GoalSections {
  const rest = goalLength({ ...complete, statement: '' });
  return { ...complete, statement: 'x'.repeat(total - rest) };
}

describe('the one-page character budget', () => {
  it('counts every section, commitments included, by hand', () => {
    expect(goalLength(complete)).toBe(56 + 27 + 18 + 19 + 16 + 19 + 29);
  });

  it('ignores surrounding whitespace and blank commitments, which are not printed', () => {
    expect(
      goalLength({
        ...complete,
        statement: `  ${complete.statement}\n`,
        commitments: [...complete.commitments, '   ', ''],
      }),
    ).toBe(goalLength(complete));
  });

  it('counts characters as a person does: an accented letter or an emoji is one', () => {
    expect(characterCount('café')).toBe(4);
    expect(characterCount('📚 books')).toBe(7);
    expect(characterCount('Ще')).toBe(2);
  });

  it('accepts exactly 2,500 characters and refuses 2,501', () => {
    expect(GOAL_CHARACTER_BUDGET).toBe(2500);
    expect(goalBudget(goalOfLength(2500))).toEqual({ used: 2500, budget: 2500, remaining: 0, over: false });
    expect(draftProblems(goalOfLength(2500))).toEqual([]);
    expect(goalBudget(goalOfLength(2501))).toEqual({ used: 2501, budget: 2500, remaining: -1, over: true });
    expect(draftProblems(goalOfLength(2501))).toEqual([
      { field: 'budget', rule: 'overBudget', used: 2501, budget: 2500 },
    ]);
  });

  it('counts the budget over all sections, not per section', () => {
    const spread = { ...complete, whyService: 'w'.repeat(900), atmosphere: 'a'.repeat(900), dayToDay: 'd'.repeat(900) };
    expect(goalBudget(spread).over).toBe(true);
  });
});

describe('what a draft and a published version need', () => {
  it('saves an incomplete draft as long as it fits the page', () => {
    const empty: GoalSections = { statement: '', whyService: '', atmosphere: '', commitments: [], dayToDay: '' };
    expect(draftProblems(empty)).toEqual([]);
    expect(draftProblems({ ...empty, statement: 'Only a first sentence.' })).toEqual([]);
  });

  it('publishes a complete goal with 3, 4 or 5 commitments', () => {
    expect(publishProblems(complete)).toEqual([]);
    expect(publishProblems({ ...complete, commitments: [...complete.commitments, 'Four.'] })).toEqual([]);
    expect(publishProblems({ ...complete, commitments: [...complete.commitments, 'Four.', 'Five.'] })).toEqual([]);
  });

  it('refuses to publish with 2 or 6 commitments, counting only filled ones', () => {
    const two = { ...complete, commitments: ['One.', 'Two.', '  '] };
    expect(publishProblems(two)).toEqual([{ field: 'commitments', rule: 'commitmentCount', count: 2, min: 3, max: 5 }]);
    const six = { ...complete, commitments: ['1', '2', '3', '4', '5', '6'] };
    expect(publishProblems(six)).toEqual([{ field: 'commitments', rule: 'commitmentCount', count: 6, min: 3, max: 5 }]);
  });

  it('refuses to publish a missing section, and names each one', () => {
    expect(publishProblems({ ...complete, whyService: '  ', dayToDay: '' })).toEqual([
      { field: 'whyService', rule: 'sectionMissing' },
      { field: 'dayToDay', rule: 'sectionMissing' },
    ]);
  });

  it('refuses to publish over the budget, even when complete', () => {
    expect(publishProblems(goalOfLength(2501))).toEqual([
      { field: 'budget', rule: 'overBudget', used: 2501, budget: 2500 },
    ]);
    expect(publishProblems(goalOfLength(2500))).toEqual([]);
  });
});

describe('target values', () => {
  it('keeps each metric within its scale, at the edges included', () => {
    expect(targetValueInRange('nps', 100)).toBe(true);
    expect(targetValueInRange('nps', -100)).toBe(true);
    expect(targetValueInRange('nps', 101)).toBe(false);
    expect(targetValueInRange('csat', 90)).toBe(true);
    expect(targetValueInRange('csat', 100.5)).toBe(false);
    expect(targetValueInRange('ces', 7)).toBe(true);
    expect(targetValueInRange('ces', 0.9)).toBe(false);
    expect(targetValueInRange('ttr', -1)).toBe(false);
    expect(targetValueInRange('business', 1_000_000)).toBe(true);
    expect(targetValueInRange('business', Number.NaN)).toBe(false);
  });
});

describe('comparing two versions', () => {
  it('marks the words removed and added, keeping the rest', () => {
    expect(wordChanges('Readers return within a month.', 'Readers return within two weeks.')).toEqual([
      { kind: 'same', text: 'Readers return within ' },
      { kind: 'removed', text: 'a month' },
      { kind: 'added', text: 'two weeks' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('finds nothing to mark in an unchanged text, and marks a new text as all added', () => {
    const same = wordChanges('Calm and friendly.', 'Calm and friendly.');
    expect(same).toEqual([{ kind: 'same', text: 'Calm and friendly.' }]);
    expect(hasChanges(same)).toBe(false);
    expect(wordChanges('', 'New text')).toEqual([{ kind: 'added', text: 'New text' }]);
  });

  it('compares lists entry by entry', () => {
    const changes = listChanges(
      ['Reply within a day.', 'Deliver on time.'],
      ['Reply within a day.', 'Deliver on time, every time.', 'Say sorry.'],
    );
    expect(changes).toEqual([
      { kind: 'same', items: ['Reply within a day.'] },
      { kind: 'removed', items: ['Deliver on time.'] },
      { kind: 'added', items: ['Deliver on time, every time.', 'Say sorry.'] },
    ]);
    expect(hasChanges(changes)).toBe(true);
  });
});

describe('who has read the current version', () => {
  const member = (name: string, department: string | null, read: boolean): MemberReading => ({
    userId: name,
    name,
    email: `${name.toLowerCase()}@example.test`,
    departmentId: department && `id-${department}`,
    departmentName: department,
    readAt: read ? new Date('2025-03-01T10:00:00Z') : null,
  });

  it('groups by department alphabetically, members without one last, readers apart from the rest', () => {
    const groups = readingByDepartment([
      member('Olena', null, true),
      member('Taras', 'Delivery', false),
      member('Marta', 'Customer support', true),
      member('Andriy', 'Customer support', false),
      member('Bohdan', 'Customer support', true),
    ]);
    expect(groups.map((g) => g.departmentName)).toEqual(['Customer support', 'Delivery', null]);
    expect(groups[0]!.read.map((m) => m.name)).toEqual(['Bohdan', 'Marta']);
    expect(groups[0]!.notRead.map((m) => m.name)).toEqual(['Andriy']);
    expect(groups[1]).toMatchObject({ departmentId: 'id-Delivery', read: [], notRead: [{ name: 'Taras' }] });
    expect(groups[2]).toMatchObject({ departmentId: null, read: [{ name: 'Olena' }], notRead: [] });
  });

  it('has no groups without members', () => {
    expect(readingByDepartment([])).toEqual([]);
  });
});

describe('comparing lists entry by entry', () => {
  it('pairs a reworded entry and compares its words; keeps extra entries whole', () => {
    expect(
      entryChanges(
        ['Reply within a day.', 'Deliver on time.'],
        ['Reply within a day.', 'Deliver on time, every time.', 'Say sorry.'],
      ),
    ).toEqual([
      { kind: 'same', changes: [{ kind: 'same', text: 'Reply within a day.' }] },
      {
        kind: 'changed',
        changes: [
          { kind: 'same', text: 'Deliver on time' },
          { kind: 'added', text: ', every time' },
          { kind: 'same', text: '.' },
        ],
      },
      { kind: 'added', changes: [{ kind: 'added', text: 'Say sorry.' }] },
    ]);
  });

  it('shows a removed entry as removed', () => {
    expect(entryChanges(['One.', 'Two.', 'Three.'], ['One.', 'Three.'])).toEqual([
      { kind: 'same', changes: [{ kind: 'same', text: 'One.' }] },
      { kind: 'removed', changes: [{ kind: 'removed', text: 'Two.' }] },
      { kind: 'same', changes: [{ kind: 'same', text: 'Three.' }] },
    ]);
  });
});

describe('pairing reworded entries', () => {
  it('pairs each old entry with the most alike new one, in order, and keeps new ones whole', () => {
    const before = [
      'We answer every question within one working day.',
      'We tell the truth about delivery dates.',
      'We fix a problem first and find its cause later.',
    ];
    const after = [
      'We answer every question within one working day, and solve most problems in the first reply.',
      'We give honest delivery dates and tell you before a parcel is late, not after.',
      'We show the full price before checkout: no fees appear at the last step.',
      'We fix a problem first and find its cause later, then make sure it does not happen again.',
    ];
    expect(entryChanges(before, after).map((e) => e.kind)).toEqual(['changed', 'changed', 'added', 'changed']);
    expect(
      entryChanges(before, after)[3]!
        .changes.filter((c) => c.kind !== 'same')
        .map((c) => c.text),
    ).toEqual([', then make sure it does not happen again']);
  });

  it('shows an entry replaced by an unrelated one as removed and added', () => {
    expect(entryChanges(['NPS 40 · Whole company'], ['CSAT 90% · Courier delivery']).map((e) => e.kind)).toEqual([
      'removed',
      'added',
    ]);
  });

  it('measures likeness by shared words, whatever their case', () => {
    expect(entrySimilarity('Deliver on time', 'deliver ON time')).toBe(1);
    expect(entrySimilarity('NPS 40 Whole company', 'NPS 45 Whole company')).toBe(0.75);
    expect(entrySimilarity('one two', 'three four')).toBe(0);
  });
});

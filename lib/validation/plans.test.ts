import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { amount, checkbox, id, list, optionalDate } from './common';
import { fieldErrorsOf } from './messages';
import {
  answerPlanRequestSchema,
  createPlanItemSchema,
  planItemFields,
  servesSchema,
  setPromiseOwnerSchema,
  updatePlanItemSchema,
} from './plans';

const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const UUID2 = '9b2c7d1e-5a4f-4e3b-8c2d-1f0e9d8c7b6a';

/** The first message reported for each field, as the forms show them. */
function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return Object.fromEntries(Object.entries(fieldErrorsOf(result.error)).map(([k, m]) => [k, m.key]));
}

describe('amount', () => {
  it.each([
    ['1 200,50', 1200.5],
    ['1200', 1200],
    ['1200.50', 1200.5],
    ['1\u00a0200,5', 1200.5], // a no-break space, as number formatting puts it
    [' 42 ', 42],
    ['0', 0],
    ['0,01', 0.01],
    [1500, 1500],
  ])('reads %j as %d', (typed, value) => {
    expect(amount.parse(typed)).toBe(value);
  });

  it('reads an empty field as no amount', () => {
    expect(amount.parse('')).toBeNull();
    expect(amount.parse('   ')).toBeNull();
    expect(amount.parse(null)).toBeNull();
  });

  it.each([
    ['-5', 'validation.amountNegative'],
    ['1.234', 'validation.amountCents'],
    ['abc', 'validation.amount'],
    ['12abc', 'validation.amount'],
    ['1,200.50', 'validation.amount'],
    ['Infinity', 'validation.amount'],
    ['9999999999999', 'validation.amountTooBig'],
  ])('refuses %j with %s', (typed, key) => {
    const result = amount.safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(key);
  });

  // "1,250" could be a thousands separator or a decimal comma with three decimals: refused, never misread.
  it('does not read a thousands separator as a decimal comma', () => {
    expect(amount.safeParse('1,250').success).toBe(false);
  });

  it('reports the amount message next to the investment field', () => {
    expect(errorsOf(planItemFields, { title: 'A', investment: 'abc' })).toEqual({ investment: 'validation.amount' });
    expect(errorsOf(planItemFields, { title: 'A', investment: '-5' })).toEqual({
      investment: 'validation.amountNegative',
    });
  });
});

describe('other common fields', () => {
  it('reads a repeated field as a list', () => {
    const ids = list(id, 3);
    expect(ids.parse(undefined)).toEqual([]);
    expect(ids.parse('')).toEqual([]);
    expect(ids.parse(null)).toEqual([]);
    expect(ids.parse(UUID)).toEqual([UUID]);
    expect(ids.parse([UUID, UUID2])).toEqual([UUID, UUID2]);
    expect(ids.parse([UUID, UUID])).toEqual([UUID]); // a repeated id counts once
    expect(ids.safeParse(distinctIds(4)).success).toBe(false);
    expect(ids.safeParse(['nope']).success).toBe(false);
  });

  it('reads an optional date', () => {
    expect(optionalDate.parse('')).toBeUndefined();
    expect(optionalDate.parse(null)).toBeUndefined();
    expect(optionalDate.parse('2025-06-30')).toBe('2025-06-30');
    for (const bad of ['2025-02-30', '30.06.2025', '1999-12-31', '2101-01-01', 'soon']) {
      const result = optionalDate.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message, bad).toBe('validation.date');
    }
  });

  it('reads checkboxes', () => {
    expect(checkbox.parse('on')).toBe(true);
    expect(checkbox.parse(undefined)).toBe(false);
  });
});

describe('plan item fields', () => {
  it('fills in defaults for a bare title', () => {
    expect(planItemFields.parse({ title: '  Faster replies ' })).toEqual({
      title: 'Faster replies',
      description: '',
      status: 'planned',
      dropReason: '',
      quickWin: false,
      investment: null,
      expectedOutcome: '',
      touchpointIds: [],
      affectedDepartmentIds: [],
      changesPromise: false,
      serves: null,
      metric: null,
      direction: null,
    });
  });

  it('reads what a submitted form sends', () => {
    const parsed = planItemFields.parse({
      title: 'Callback queue',
      description: 'In the CRM',
      ownerUserId: UUID,
      dueDate: '2025-09-01',
      status: 'in_progress',
      quickWin: 'on',
      investment: '18 000',
      expectedOutcome: 'No case left',
      touchpointIds: UUID,
      affectedDepartmentIds: [UUID, UUID2],
      changesPromise: 'on',
      serves: 'commitment:2',
    });
    expect(parsed).toMatchObject({
      ownerUserId: UUID,
      dueDate: '2025-09-01',
      status: 'in_progress',
      quickWin: true,
      investment: 18000,
      touchpointIds: [UUID],
      affectedDepartmentIds: [UUID, UUID2],
      changesPromise: true,
      serves: 'commitment:2',
    });
  });

  it('treats an empty owner and due date as none', () => {
    const parsed = planItemFields.parse({ title: 'A', ownerUserId: '', dueDate: '' });
    expect(parsed.ownerUserId).toBeUndefined();
    expect(parsed.dueDate).toBeUndefined();
  });

  it('requires a title', () => {
    expect(errorsOf(planItemFields, { title: '   ' })).toEqual({ title: 'validation.required' });
    expect(errorsOf(planItemFields, { title: 'x'.repeat(121) })).toEqual({ title: 'validation.tooLong' });
  });

  it('requires a reason to drop an item', () => {
    expect(errorsOf(planItemFields, { title: 'A', status: 'dropped' })).toEqual({
      dropReason: 'validation.dropReasonRequired',
    });
    expect(errorsOf(planItemFields, { title: 'A', status: 'dropped', dropReason: '   ' })).toEqual({
      dropReason: 'validation.dropReasonRequired',
    });
    expect(planItemFields.parse({ title: 'A', status: 'dropped', dropReason: ' Supplier gone ' }).dropReason).toBe(
      'Supplier gone',
    );
  });

  it('does not need a drop reason for other statuses', () => {
    for (const status of ['planned', 'in_progress', 'done'])
      expect(planItemFields.safeParse({ title: 'A', status }).success).toBe(true);
  });

  it('refuses an unknown status', () => {
    expect(errorsOf(planItemFields, { title: 'A', status: 'cancelled' })).toEqual({ status: 'validation.choice' });
  });

  it('reports every bad field at once', () => {
    expect(
      errorsOf(planItemFields, {
        title: '',
        investment: 'abc',
        dueDate: 'tomorrow',
        ownerUserId: 'someone',
        touchpointIds: 'x',
      }),
    ).toEqual({
      title: 'validation.required',
      investment: 'validation.amount',
      dueDate: 'validation.date',
      ownerUserId: 'validation.notFound',
      'touchpointIds.0': 'validation.notFound',
    });
  });

  it('caps the lists', () => {
    const many = distinctIds(31);
    expect(planItemFields.safeParse({ title: 'A', touchpointIds: many }).success).toBe(false);
    expect(planItemFields.safeParse({ title: 'A', affectedDepartmentIds: many }).success).toBe(false);
  });
});

describe('serves', () => {
  it('accepts a commitment index or a target id, or nothing', () => {
    expect(servesSchema.parse('commitment:0')).toBe('commitment:0');
    expect(servesSchema.parse('commitment:4')).toBe('commitment:4');
    expect(servesSchema.parse(`target:${UUID}`)).toBe(`target:${UUID}`);
    expect(servesSchema.parse('')).toBeNull();
    expect(servesSchema.parse(undefined)).toBeNull();
  });

  it('refuses anything else', () => {
    for (const bad of ['commitment:5', 'commitment:', 'target:nope', 'goal', `target:${UUID}x`]) {
      expect(servesSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(errorsOf(planItemFields, { title: 'A', serves: 'commitment:9' })).toEqual({ serves: 'validation.choice' });
  });
});

describe("commands' inputs", () => {
  it('needs a department to create an item and an item to update one', () => {
    expect(createPlanItemSchema.parse({ departmentId: UUID, title: 'A' })).toMatchObject({
      departmentId: UUID,
      title: 'A',
    });
    expect(errorsOf(createPlanItemSchema, { departmentId: 'x', title: 'A' })).toEqual({
      departmentId: 'validation.notFound',
    });
    expect(updatePlanItemSchema.parse({ planItemId: UUID, title: 'A', status: 'done' })).toMatchObject({
      planItemId: UUID,
      status: 'done',
    });
    expect(errorsOf(updatePlanItemSchema, { title: 'A' })).toEqual({ planItemId: 'validation.required' });
  });

  it('keeps the drop-reason rule when creating and updating', () => {
    expect(errorsOf(createPlanItemSchema, { departmentId: UUID, title: 'A', status: 'dropped' })).toEqual({
      dropReason: 'validation.dropReasonRequired',
    });
    expect(errorsOf(updatePlanItemSchema, { planItemId: UUID, title: 'A', status: 'dropped' })).toEqual({
      dropReason: 'validation.dropReasonRequired',
    });
  });

  it('answers a request: acknowledge freely, a concern only with a comment', () => {
    expect(answerPlanRequestSchema.parse({ requestId: UUID, answer: 'acknowledged' })).toEqual({
      requestId: UUID,
      answer: 'acknowledged',
      comment: '',
    });
    expect(errorsOf(answerPlanRequestSchema, { requestId: UUID, answer: 'concern' })).toEqual({
      comment: 'validation.concernNeedsComment',
    });
    expect(errorsOf(answerPlanRequestSchema, { requestId: UUID, answer: 'concern', comment: '   ' })).toEqual({
      comment: 'validation.concernNeedsComment',
    });
    expect(answerPlanRequestSchema.parse({ requestId: UUID, answer: 'concern', comment: ' Costs rise ' }).comment).toBe(
      'Costs rise',
    );
    expect(errorsOf(answerPlanRequestSchema, { requestId: UUID, answer: 'pending' })).toEqual({
      answer: 'validation.choice',
    });
    expect(
      errorsOf(answerPlanRequestSchema, { requestId: UUID, answer: 'acknowledged', comment: 'x'.repeat(1001) }),
    ).toEqual({ comment: 'validation.tooLong' });
  });

  it('sets the promise owner by department id', () => {
    expect(setPromiseOwnerSchema.parse({ departmentId: UUID })).toEqual({ departmentId: UUID });
    expect(setPromiseOwnerSchema.safeParse({ departmentId: '' }).success).toBe(false);
  });
});

/** `n` different well-formed ids. */
function distinctIds(n: number) {
  return Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
}

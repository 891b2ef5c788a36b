import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import messages from '@/messages/en';
import { fieldErrorsOf } from './messages';
import { gridQuerySchema, logImprovementSchema, updateImprovementSchema } from './weekly';

const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const UUID2 = '9b2c7d1e-5a4f-4e3b-8c2d-1f0e9d8c7b6a';
const base = { departmentId: UUID, weekStart: '2026-11-16', title: 'Evening chat shift', effectiveDate: '2026-11-18' };

/** The first message key reported for each field, as the forms show them. */
function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return Object.fromEntries(Object.entries(fieldErrorsOf(result.error)).map(([k, m]) => [k, m.key]));
}

describe('logImprovementSchema', () => {
  it('accepts the four required fields and fills in the rest', () => {
    expect(logImprovementSchema.parse(base)).toEqual({
      ...base,
      process: '',
      before: '',
      after: '',
      touchpointIds: [],
      metric: null,
      businessMetric: '',
      direction: null,
      source: null,
      sourceNote: '',
      ideaReply: '',
    });
  });

  it('reads the form as the browser sends it: trimmed text, blank selects as nothing, one checkbox as a list', () => {
    expect(
      logImprovementSchema.parse({
        ...base,
        title: '  Evening chat shift  ',
        process: ' answering chats ',
        metric: '',
        direction: '',
        source: '',
        sourcePlanItemId: '',
        ownerUserId: '',
        touchpointIds: UUID2,
        businessMetric: '',
      }),
    ).toMatchObject({
      title: 'Evening chat shift',
      process: 'answering chats',
      metric: null,
      direction: null,
      source: null,
      touchpointIds: [UUID2],
      sourcePlanItemId: undefined,
      ownerUserId: undefined,
    });
    expect(logImprovementSchema.parse({ ...base, touchpointIds: [UUID, UUID2] }).touchpointIds).toEqual([UUID, UUID2]);
  });

  it('asks for every required field', () => {
    expect(errorsOf(logImprovementSchema, {})).toEqual({
      departmentId: 'validation.required',
      weekStart: 'validation.required',
      title: 'validation.required',
      effectiveDate: 'validation.required',
    });
    expect(errorsOf(logImprovementSchema, { ...base, title: '   ' })).toEqual({ title: 'validation.required' });
  });

  it('limits the lengths of the texts', () => {
    expect(logImprovementSchema.safeParse({ ...base, title: 'x'.repeat(120) }).success).toBe(true);
    expect(
      errorsOf(logImprovementSchema, {
        ...base,
        title: 'x'.repeat(121),
        process: 'x'.repeat(121),
        before: 'x'.repeat(501),
        after: 'x'.repeat(501),
        sourceNote: 'x'.repeat(201),
        metric: 'business',
        direction: 'up',
        businessMetric: 'x'.repeat(81),
      }),
    ).toEqual({
      title: 'validation.tooLong',
      process: 'validation.tooLong',
      before: 'validation.tooLong',
      after: 'validation.tooLong',
      sourceNote: 'validation.tooLong',
      businessMetric: 'validation.tooLong',
    });
  });

  it.each(['2026-02-30', '16.11.2026', '2026-11-16T00:00:00Z', '2026-1-5', 'next week'])(
    'refuses %j as a date',
    (date) => {
      expect(errorsOf(logImprovementSchema, { ...base, weekStart: date, effectiveDate: date })).toEqual({
        weekStart: 'validation.date',
        effectiveDate: 'validation.date',
      });
    },
  );

  it('accepts a leap day only in a leap year', () => {
    expect(logImprovementSchema.safeParse({ ...base, effectiveDate: '2028-02-29' }).success).toBe(true);
    expect(errorsOf(logImprovementSchema, { ...base, effectiveDate: '2027-02-29' })).toEqual({
      effectiveDate: 'validation.date',
    });
  });

  // Weeks and effective dates keep to the same range as every other date field.
  it('keeps dates within a sensible range, like the other date fields', () => {
    expect(errorsOf(logImprovementSchema, { ...base, weekStart: '0001-01-01', effectiveDate: '0001-01-03' })).toEqual({
      weekStart: 'validation.date',
      effectiveDate: 'validation.date',
    });
  });

  it('knows the metrics, directions and sources, and nothing else', () => {
    for (const metric of ['nps', 'csat', 'ces', 'nev', 'ttr']) {
      expect(logImprovementSchema.safeParse({ ...base, metric, direction: 'down' }).success).toBe(true);
    }
    for (const source of ['idea', 'complaint'])
      expect(logImprovementSchema.safeParse({ ...base, source }).success).toBe(true);
    expect(
      errorsOf(logImprovementSchema, { ...base, metric: 'revenue', direction: 'sideways', source: 'rumour' }),
    ).toEqual({
      metric: 'validation.choice',
      direction: 'validation.choice',
      source: 'validation.choice',
    });
  });

  it('needs a direction for a metric, and a name for a business number', () => {
    expect(errorsOf(logImprovementSchema, { ...base, metric: 'csat' })).toEqual({
      direction: 'validation.directionRequired',
    });
    expect(errorsOf(logImprovementSchema, { ...base, metric: 'business', direction: '' })).toEqual({
      businessMetric: 'validation.required',
      direction: 'validation.directionRequired',
    });
    expect(
      logImprovementSchema.parse({ ...base, metric: 'business', direction: 'up', businessMetric: ' Repeat orders ' }),
    ).toMatchObject({ metric: 'business', direction: 'up', businessMetric: 'Repeat orders' });
    // A direction without a metric is harmless (the query drops it).
    expect(logImprovementSchema.safeParse({ ...base, direction: 'up' }).success).toBe(true);
  });

  it('needs the plan item when the improvement came from one', () => {
    expect(errorsOf(logImprovementSchema, { ...base, source: 'plan_item' })).toEqual({
      sourcePlanItemId: 'validation.required',
    });
    expect(errorsOf(logImprovementSchema, { ...base, source: 'plan_item', sourcePlanItemId: '' })).toEqual({
      sourcePlanItemId: 'validation.required',
    });
    expect(logImprovementSchema.parse({ ...base, source: 'plan_item', sourcePlanItemId: UUID2 })).toMatchObject({
      sourcePlanItemId: UUID2,
    });
  });

  it('reports ids that are not ids as not found', () => {
    expect(
      errorsOf(logImprovementSchema, { ...base, departmentId: 'sales', ownerUserId: '42', sourcePlanItemId: 'x' }),
    ).toEqual({
      departmentId: 'validation.notFound',
      ownerUserId: 'validation.notFound',
      sourcePlanItemId: 'validation.notFound',
    });
  });

  it('takes at most 30 touchpoints, each an id', () => {
    expect(logImprovementSchema.safeParse({ ...base, touchpointIds: distinctIds(30) }).success).toBe(true);
    expect(errorsOf(logImprovementSchema, { ...base, touchpointIds: distinctIds(31) })).toEqual({
      touchpointIds: 'validation.tooBig',
    });
    // A bad id is reported under "touchpointIds.1", which the form (error={errors.touchpointIds}) does not show;
    // only a hand-made request can send one.
    expect(errorsOf(logImprovementSchema, { ...base, touchpointIds: [UUID, 'nope'] })).toEqual({
      'touchpointIds.1': 'validation.notFound',
    });
  });
});

describe('updateImprovementSchema', () => {
  it('needs the improvement, not the department or week', () => {
    const { departmentId: _d, weekStart: _w, ...fields } = base;
    expect(updateImprovementSchema.parse({ improvementId: UUID, ...fields })).toMatchObject({
      improvementId: UUID,
      title: 'Evening chat shift',
    });
    expect(errorsOf(updateImprovementSchema, fields)).toEqual({ improvementId: 'validation.required' });
    expect(errorsOf(updateImprovementSchema, { improvementId: UUID, ...fields, metric: 'nps' })).toEqual({
      direction: 'validation.directionRequired',
    });
  });
});

describe('gridQuerySchema', () => {
  it('defaults to twelve weeks ending this week', () => {
    expect(gridQuerySchema.parse({})).toEqual({ weeks: 12 });
    expect(gridQuerySchema.parse({ to: '2026-11-16', weeks: '26' })).toEqual({ to: '2026-11-16', weeks: 26 });
  });

  it('shows 1 to 104 weeks', () => {
    expect(gridQuerySchema.parse({ weeks: '1' }).weeks).toBe(1);
    expect(gridQuerySchema.parse({ weeks: '104' }).weeks).toBe(104);
    expect(errorsOf(gridQuerySchema, { weeks: '0' })).toEqual({ weeks: 'validation.tooSmall' });
    expect(errorsOf(gridQuerySchema, { weeks: '105' })).toEqual({ weeks: 'validation.tooBig' });
    expect(gridQuerySchema.safeParse({ weeks: '2.5' }).success).toBe(false);
    expect(errorsOf(gridQuerySchema, { to: '2026-13-01' })).toEqual({ to: 'validation.date' });
  });
});

describe('messages', () => {
  const lookup = (key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

  it.each([
    'validation.notAWeek',
    'validation.weekInFuture',
    'validation.weekClosed',
    'validation.effectiveDateInWeek',
    'validation.directionRequired',
    'validation.ownerNotMember',
    'validation.notFound',
    'validation.required',
    'validation.date',
    'validation.tooLong',
    'validation.choice',
    'errors.checkFields',
    'errors.forbidden',
    'errors.notFound',
    'errors.conflict',
    'errors.network',
    'weekly.alreadyLogged',
    'weekly.logged',
    'weekly.loggedLate',
    'weekly.cellLogged',
    'weekly.cellEmpty',
  ])('the catalog has %s', (key) => {
    expect(typeof lookup(key)).toBe('string');
  });

  it('the conflict message uses the values the command gives it (department, week, title)', () => {
    const text = lookup('weekly.alreadyLogged') as string;
    expect([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()).toEqual(['department', 'title', 'week']);
  });
});

/** `n` different well-formed ids. */
function distinctIds(n: number) {
  return Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
}

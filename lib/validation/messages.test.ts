import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signUpSchema } from './auth';
import { currency, email, id, name, password } from './common';
import { fieldErrorsOf, type Message } from './messages';
import { changePasswordSchema } from './profile';
import { inviteMemberSchema } from './settings';

/** The field errors a schema gives for an input (the input must be invalid). */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, Message> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be invalid`);
  return fieldErrorsOf(result.error);
}

const field = (schema: z.ZodType) => z.object({ value: schema });
const errorOf = (schema: z.ZodType, value: unknown) => errorsOf(field(schema), { value }).value;

describe('fieldErrorsOf: required', () => {
  it('maps an empty or blank string to validation.required', () => {
    expect(errorOf(name(80), '')).toEqual({ key: 'validation.required' });
    expect(errorOf(name(80), '   ')).toEqual({ key: 'validation.required' });
  });

  it('maps a missing field to validation.required', () => {
    expect(errorsOf(field(name(80)), {})).toEqual({ value: { key: 'validation.required' } });
    expect(errorOf(name(80), null)).toEqual({ key: 'validation.required' });
  });

  it('reports every invalid field of a form, one message each', () => {
    expect(
      errorsOf(signUpSchema, { name: '', email: 'nope', password: 'short', organizationName: 'x'.repeat(81) }),
    ).toEqual({
      name: { key: 'validation.required' },
      email: { key: 'validation.email' },
      password: { key: 'validation.tooShort', values: { min: 10 } },
      organizationName: { key: 'validation.tooLong', values: { max: 80 } },
    });
  });
});

describe('fieldErrorsOf: length and size', () => {
  it('gives the maximum for a string that is too long', () => {
    expect(errorOf(name(60), 'x'.repeat(61))).toEqual({ key: 'validation.tooLong', values: { max: 60 } });
    expect(errorOf(password, 'x'.repeat(201))).toEqual({ key: 'validation.tooLong', values: { max: 200 } });
  });

  it('accepts a string of exactly the maximum (trimmed first)', () => {
    expect(field(name(60)).safeParse({ value: ` ${'x'.repeat(60)} ` }).success).toBe(true);
  });

  it('gives the minimum for a string that is too short (minimum above 1)', () => {
    expect(errorOf(password, '123456789')).toEqual({ key: 'validation.tooShort', values: { min: 10 } });
  });

  it('uses tooSmall / tooBig for numbers', () => {
    expect(errorOf(z.number().min(3), 2)).toEqual({ key: 'validation.tooSmall', values: { min: 3 } });
    expect(errorOf(z.number().max(7), 8)).toEqual({ key: 'validation.tooBig', values: { max: 7 } });
  });
});

describe('fieldErrorsOf: formats and choices', () => {
  it('maps a bad email to validation.email', () => {
    expect(errorOf(email, 'not-an-email')).toEqual({ key: 'validation.email' });
    expect(errorOf(email, 'a@b')).toEqual({ key: 'validation.email' });
  });

  it('maps other formats to validation.format', () => {
    expect(errorOf(z.string().regex(/^\d+$/), 'abc')).toEqual({ key: 'validation.format' });
  });

  it('maps a value outside an enum to validation.choice', () => {
    expect(errorsOf(inviteMemberSchema, { email: 'a@example.test', role: 'admin' })).toEqual({
      role: { key: 'validation.choice' },
    });
  });
});

describe('fieldErrorsOf: custom validation.* messages', () => {
  it('keeps a validation.* message as the key', () => {
    expect(errorOf(id, 'not-a-uuid')).toEqual({ key: 'validation.notFound' });
    expect(errorOf(currency, 'EURO')).toEqual({ key: 'validation.currency' });
  });

  it('puts a refinement on the field its path names', () => {
    expect(
      errorsOf(changePasswordSchema, {
        currentPassword: 'x',
        newPassword: 'abcdefghij',
        confirmPassword: 'abcdefghik',
      }),
    ).toEqual({
      confirmPassword: { key: 'validation.passwordsDiffer' },
    });
    expect(errorsOf(inviteMemberSchema, { email: 'a@example.test', role: 'staff', departmentId: '' })).toEqual({
      departmentId: { key: 'validation.departmentRequired' },
    });
  });

  it('does not pass through a validation.* message that the catalog does not have', () => {
    expect(
      errorOf(
        z.string().refine(() => false, 'validation.noSuchRule'),
        'x',
      ),
    ).toEqual({ key: 'validation.invalid' });
  });

  it('does not pass through a message that is not a validation.* key', () => {
    expect(
      errorOf(
        z.string().refine(() => false, 'Something went wrong'),
        'x',
      ),
    ).toEqual({ key: 'validation.invalid' });
  });
});

describe('fieldErrorsOf: paths', () => {
  it('joins nested paths with dots and uses "form" for the root', () => {
    const schema = z.object({ address: z.object({ city: name(20) }) });
    expect(errorsOf(schema, { address: { city: '' } })).toEqual({ 'address.city': { key: 'validation.required' } });
    expect(
      errorsOf(
        z.string().refine(() => false, 'validation.dateOrder'),
        'x',
      ),
    ).toEqual({ form: { key: 'validation.dateOrder' } });
  });

  it('keeps the first problem of a field', () => {
    const schema = z.object({ code: z.string().min(5).regex(/^\d+$/) });
    expect(errorsOf(schema, { code: 'ab' })).toEqual({ code: { key: 'validation.tooShort', values: { min: 5 } } });
  });
});

describe('fieldErrorsOf: wrong type', () => {
  // zod 4 leaves `issue.input` out unless parsing with { reportInput: true }, as the command wrapper does.
  it('maps it correctly when the issue carries the input', () => {
    const result = field(z.string()).safeParse({ value: 42 }, { reportInput: true });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ value: { key: 'validation.invalid' } });
  });
});

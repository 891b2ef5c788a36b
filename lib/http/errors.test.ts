import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import messages from '@/messages/en';
import { errorBody } from './errors';

const t = createTranslator({ locale: 'en', messages });

describe('errorBody', () => {
  it('words a bare code with its usual message, and has no fields or rows', () => {
    expect(errorBody(t, { code: 'forbidden' })).toEqual({
      error: { code: 'forbidden', message: 'Your role does not allow this.' },
    });
    expect(errorBody(t, { code: 'not_found' }).error.message).toBe(
      'This no longer exists, or it belongs to another organization.',
    );
  });

  it('words the message and every field error a refusal carries', () => {
    const body = errorBody(t, {
      code: 'invalid',
      fieldErrors: { to: { key: 'validation.dateOrder' }, name: { key: 'validation.tooLong', values: { max: 80 } } },
    });
    expect(body).toEqual({
      error: {
        code: 'invalid',
        message: 'Please correct the highlighted fields.',
        fields: { to: t('validation.dateOrder'), name: t('validation.tooLong', { max: 80 }) },
      },
    });
    expect(body.error.fields?.name).toContain('80');
  });

  it('keeps the message of a refusal that has its own, and the rows of a refused file', () => {
    const rows = [{ row: 3, field: 'Score', message: 'Missing.' }];
    expect(
      errorBody(t, { code: 'internal', message: { key: 'errors.internal', values: { requestId: 'ab12cd34' } } }, rows),
    ).toEqual({ error: { code: 'internal', message: t('errors.internal', { requestId: 'ab12cd34' }), rows } });
  });
});

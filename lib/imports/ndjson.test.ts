import { describe, expect, it } from 'vitest';
import { readNdjson } from './ndjson';

const MB = 1024 * 1024;
const limits = { maxBytes: 64 * MB, maxLines: 100 };

/** The bytes as a network upload delivers them, `chunk` bytes at a time; `pulls` counts the chunks read. */
function upload(bytes: Uint8Array, chunk = 64 * 1024) {
  const counter = { pulls: 0 };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      counter.pulls += 1;
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
  return { stream, counter };
}
const encode = (text: string) => new TextEncoder().encode(text);

// How long a long line takes is measured by bench/ndjson-reader.ts (16 MB vs 4 MB); here only what it reads.
describe('item 8: the NDJSON reader of /api/imports', () => {
  it('reads a 16 MB line without a newline as one value', async () => {
    const text = 'x'.repeat(16 * MB);
    const result = await readNdjson(upload(encode(JSON.stringify({ comment: text }))).stream, limits);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.values).toHaveLength(1);
      expect((result.values[0] as { comment: string }).comment).toBe(text);
    }
  });

  it('splits lines wherever the chunks end: inside a line, at a newline, inside a multibyte character, with CRLF', async () => {
    const values = [
      { fileName: 'a.csv' },
      { comment: 'Grüße, ünïcödé 👍' },
      { score: 9 },
      { comment: 'x'.repeat(300) },
    ];
    const body = encode(`${values.map((v) => JSON.stringify(v)).join('\r\n')}\n\n`);
    for (const chunk of [1, 2, 3, 7, 64, body.length]) {
      expect(await readNdjson(upload(body, chunk).stream, limits)).toEqual({ ok: true, values });
    }
  });

  it('names the first line that is not JSON, counting lines with a value', async () => {
    const body = encode('{"fileName":"a.csv"}\n\n{"score":1}\n{"score":\n');
    expect(await readNdjson(upload(body, 5).stream, limits)).toEqual({ ok: false, reason: 'malformed', line: 3 });
  });

  it('stops as soon as the body passes its limit, without reading the rest', async () => {
    const { stream, counter } = upload(encode(`"${'x'.repeat(16 * MB)}"`));
    expect(await readNdjson(stream, { maxBytes: MB, maxLines: 10 })).toEqual({ ok: false, reason: 'tooLarge' });
    expect(counter.pulls).toBeLessThanOrEqual(MB / (64 * 1024) + 2);
  });

  it('refuses more lines than allowed', async () => {
    const body = encode('1\n2\n3\n');
    expect(await readNdjson(upload(body).stream, { maxBytes: MB, maxLines: 2 })).toEqual({
      ok: false,
      reason: 'tooManyLines',
    });
  });
});

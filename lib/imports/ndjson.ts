/**
 * Reads a newline-delimited JSON body as it arrives, refusing it as soon as it grows past a limit, so a huge or
 * endless upload never fills the server's memory. Each line is parsed between network reads.
 */
export type NdjsonResult =
  | { ok: true; values: unknown[] }
  | { ok: false; reason: 'tooLarge' | 'tooManyLines' }
  | { ok: false; reason: 'malformed'; line: number };

export async function readNdjson(
  body: ReadableStream<Uint8Array> | null,
  limits: { maxBytes: number; maxLines: number },
): Promise<NdjsonResult> {
  const values: unknown[] = [];
  if (!body) return { ok: true, values };
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let bytes = 0;
  const take = (line: string): NdjsonResult | null => {
    if (line.trim() === '') return null;
    if (values.length >= limits.maxLines) return { ok: false, reason: 'tooManyLines' };
    try {
      values.push(JSON.parse(line));
      return null;
    } catch {
      return { ok: false, reason: 'malformed', line: values.length + 1 };
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > limits.maxBytes) return { ok: false, reason: 'tooLarge' };
      pending += decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const failure = take(line);
        if (failure) return failure;
      }
    }
    return take(pending + decoder.decode()) ?? { ok: true, values };
  } finally {
    reader.cancel().catch(() => {});
  }
}

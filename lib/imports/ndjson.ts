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
  // The current line's pieces, one per chunk: only the newest chunk is searched for a newline, and a line is
  // joined once, when it ends, so a long line costs time in proportion to its length (not to its square).
  let pieces: string[] = [];
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
      const text = decoder.decode(value, { stream: true });
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        pieces.push(text.slice(start, end));
        const failure = take(pieces.join(''));
        if (failure) return failure;
        pieces = [];
        start = end + 1;
      }
      pieces.push(text.slice(start));
    }
    pieces.push(decoder.decode());
    return take(pieces.join('')) ?? { ok: true, values };
  } finally {
    reader.cancel().catch(() => {});
  }
}

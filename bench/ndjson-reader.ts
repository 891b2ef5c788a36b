// Benchmark, not a test: how long the NDJSON reader of POST /api/imports takes for one long line without a newline
// (4 MB and 16 MB), arriving in 64 kB chunks as a network upload does, and the ratio of the two. A linear reader
// gives about 4; a reader that rescans what it has buffered on every chunk gives about 16 (issue 10, item 8).
//   npx tsx bench/ndjson-reader.ts
import { readNdjson } from '@/lib/imports/ndjson';

const CHUNK = 64 * 1024;
const MB = 1024 * 1024;

/** A body of one JSON string `size` bytes long, with no newline at all, as a stream of CHUNK-sized pieces. */
function longLine(size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(`"${'x'.repeat(size - 2)}"`);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
}

async function secondsFor(size: number): Promise<number> {
  const started = performance.now();
  const result = await readNdjson(longLine(size), { maxBytes: 64 * MB, maxLines: 10 });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok || (result.values[0] as string).length !== size - 2) throw new Error(`wrong result for ${size}`);
  return seconds;
}

await secondsFor(MB); // warm up
const small = Math.min(await secondsFor(4 * MB), await secondsFor(4 * MB));
const large = Math.min(await secondsFor(16 * MB), await secondsFor(16 * MB));
console.log(`one 4 MB line:  ${small.toFixed(3)} s`);
console.log(`one 16 MB line: ${large.toFixed(3)} s`);
console.log(`ratio 16 MB / 4 MB: ${(large / small).toFixed(1)} (linear: about 4; quadratic: about 16)`);

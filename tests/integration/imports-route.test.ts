/**
 * POST /api/imports through its route handler, as a browser sends it with the session cookie: only the import page
 * itself may send it (issue 10, item 11), a body over the limit is refused before it is read (item 8), and one
 * organization runs one import at a time (item 12). The session and the translations of Next are stand-ins; the
 * database is the test's.
 */
import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { listImports } from '@/db/queries/imports';
import { surveyResponses } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import messages from '@/messages/en';
import { MAX_IMPORT_BYTES } from '@/lib/validation/imports';

const state = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => state.db,
}));
vi.mock('@/lib/auth/session', () => ({
  currentMember: async () => (state.actor ? { actor: state.actor } : null),
}));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: 'en', messages, namespace: namespace as never }),
}));

const { POST } = await import('@/app/api/imports/route');

const db = useTestDatabase();
let own: OrganizationFixture;

beforeAll(async () => {
  ({ own } = await makeTwoOrganizations(db));
  state.db = db;
  state.actor = own.executive.actor;
});

let serial = 0;
function ndjson(fileName: string, count = 2) {
  const rows = Array.from({ length: count }, () => ({
    touchpoint: own.touchpointId,
    metric: 'nps',
    score: 8,
    respondedAt: '2026-03-02T10:00:00Z',
    externalId: `route-${(serial += 1)}`,
  }));
  return [{ fileName }, ...rows].map((line) => JSON.stringify(line)).join('\n');
}

/** What the import page's fetch sends: same origin, NDJSON. */
const fromThePage = {
  'sec-fetch-site': 'same-origin',
  origin: 'https://cx.test',
  'content-type': 'application/x-ndjson',
};

function post(body: BodyInit, headers: Record<string, string>) {
  return POST(
    new Request('https://cx.test/api/imports', {
      method: 'POST',
      body,
      headers: { host: 'cx.test', ...headers },
      duplex: 'half',
    } as RequestInit),
  );
}

/** The lines of a streamed reply, parsed. */
async function linesOf(response: Response): Promise<unknown[]> {
  return (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);
}

/** A body that counts how much of it the server reads. */
function countedBody(chunks: number, chunk = 1024 * 1024) {
  const counter = { pulls: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulls >= chunks) return controller.close();
      counter.pulls += 1;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
  return { stream, counter };
}

const answersNamed = async (fileName: string) => {
  const entry = (await listImports(db, own.organizationId)).find((i) => i.fileName === fileName);
  if (!entry) return [];
  return db.select().from(surveyResponses).where(eq(surveyResponses.importId, entry.id));
};

describe('item 11: only Touchpoint’s own page may send an import', () => {
  it('stores an import sent from the same origin, and from an older browser that sends only a matching Origin', async () => {
    const response = await post(ndjson('same-origin.csv'), fromThePage);
    expect(response.status).toBe(200);
    expect((await linesOf(response)).at(-1)).toMatchObject({ result: { stored: 2 } });
    const older = await post(ndjson('origin-only.csv'), {
      origin: 'https://cx.test',
      'content-type': 'application/x-ndjson; charset=utf-8',
    });
    expect((await linesOf(older)).at(-1)).toMatchObject({ result: { stored: 2 } });
    expect(await answersNamed('origin-only.csv')).toHaveLength(2);
  });

  it('refuses with 403 an import another site makes the browser send, and stores nothing', async () => {
    for (const [fileName, headers] of [
      ['cross-site.csv', { ...fromThePage, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
      ['same-site.csv', { ...fromThePage, 'sec-fetch-site': 'same-site', origin: 'https://evil.cx.test' }],
      ['origin.csv', { origin: 'https://evil.example', 'content-type': 'application/x-ndjson' }],
      ['null-origin.csv', { origin: 'null', 'content-type': 'application/x-ndjson' }],
      ['no-origin.csv', { 'content-type': 'application/x-ndjson' }],
    ] as const) {
      const response = await post(ndjson(fileName), headers);
      expect(response.status, fileName).toBe(403);
      expect(await response.json()).toEqual({
        error: { code: 'forbidden', message: messages.errors.crossSite },
      });
      expect(await answersNamed(fileName)).toEqual([]);
    }
  });

  it('refuses with 415 a body that is not NDJSON, such as the text/plain a form elsewhere can send', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json']) {
      const response = await post(ndjson(`typed-${type}.csv`), { ...fromThePage, 'content-type': type });
      expect(response.status, type).toBe(415);
      expect(await response.json()).toMatchObject({
        error: { code: 'invalid', message: 'This request must send its body as application/x-ndjson.' },
      });
    }
  });
});

describe('item 8: a body over the limit', () => {
  it('is refused with 413 by its Content-Length before any of it is read', async () => {
    const { stream, counter } = countedBody(100);
    const response = await post(stream, { ...fromThePage, 'content-length': String(MAX_IMPORT_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(counter.pulls).toBeLessThanOrEqual(1);
  });

  it('is refused with 413 as soon as it passes the limit when it says no length, the rest unread', async () => {
    const { stream, counter } = countedBody(MAX_IMPORT_BYTES / (1024 * 1024) + 20);
    const response = await post(stream, fromThePage);
    expect(response.status).toBe(413);
    expect(counter.pulls).toBeLessThanOrEqual(MAX_IMPORT_BYTES / (1024 * 1024) + 2);
  });
});

describe('item 12: one import at a time per organization', () => {
  it('of two imports sent at the same moment, one is stored and the other answered 409 with the reason', async () => {
    const [a, b] = await Promise.all([
      post(ndjson('parallel-a.csv', 300), fromThePage),
      post(ndjson('parallel-b.csv', 300), fromThePage),
    ]);
    const replies = await Promise.all(
      [a!, b!].map(async (r) => ({ status: r.status, lines: r.status === 200 ? await linesOf(r) : [await r.json()] })),
    );
    const stored = replies.filter((r) => r.status === 200);
    const refused = replies.filter((r) => r.status === 409);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.lines.at(-1)).toMatchObject({ result: { stored: 300 } });
    expect(refused).toHaveLength(1);
    expect(refused[0]!.lines[0]).toMatchObject({
      error: { code: 'conflict', message: expect.stringMatching(/^Another import is running for your organization/) },
    });
    const names = (await listImports(db, own.organizationId)).map((i) => i.fileName);
    expect(names.filter((n) => n.startsWith('parallel-'))).toHaveLength(1);
  });
});

import { configuredKind, isDatabaseReady, processDatabase } from '@/db/client';

/** 200 once migrations are applied, 503 before (or when the database cannot be opened). */
export async function GET() {
  const database = configuredKind();
  if (!isDatabaseReady()) {
    void processDatabase().catch(() => {});
    return Response.json({ status: 'starting', database }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
  return Response.json({ status: 'ok', database }, { headers: { 'Cache-Control': 'no-store' } });
}

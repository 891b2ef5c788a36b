import { storedCard } from '@/db/queries/impact';
import { type ChangeImpactJson, type JsonResponse, jsonResponse } from '@/lib/http/json';
import { loadChange, noStore } from './load';

/**
 * GET /api/changes/<kind>/<id>: a change and its stored impact card with the organization's default windows (stale
 * while the worker recomputes it). The card page asks again until it is fresh. Nothing is computed here.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string; id: string }> }) {
  const loaded = await loadChange(params);
  if (!loaded.ok) return loaded.refusal;
  const { member, db, change } = loaded;
  const stored = await storedCard(db, member.organization.id, change.kind, change.id);
  return jsonResponse({ change, ...stored }, { headers: noStore }) satisfies JsonResponse<ChangeImpactJson>;
}

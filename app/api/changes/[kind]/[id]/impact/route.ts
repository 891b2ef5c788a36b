import { errorResponse } from '@/lib/http/errors';
import { type ChangeImpactJson, type JsonResponse, jsonResponse } from '@/lib/http/json';
import { computeImpactCard, mayComputeOnRequest } from '@/lib/impact-service/compute';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { triedWindowsSchema, windowParams, windowsWith } from '@/lib/validation/impact-windows';
import { loadChange, noStore } from '../load';

/**
 * GET /api/changes/<kind>/<id>/impact?baselineWeeks=&washoutWeeks=&afterWeeks=: the change's card computed now for
 * the windows a person tries on its card (each one left out keeps the organization's default). Nothing is saved;
 * the card says whether these are the defaults. Bad windows: 400 with a message per field; beyond the organization's
 * share of cards computed on request, 429 saying how long to wait.
 */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string; id: string }> }) {
  const loaded = await loadChange(params);
  if (!loaded.ok) return loaded.refusal;
  const { member, db, change } = loaded;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = triedWindowsSchema.safeParse(windowParams(query));
  if (!parsed.success)
    return errorResponse({ code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) }, { headers: noStore });
  const windows = windowsWith(member.organization.impactWindows, parsed.data);
  const allowed = await mayComputeOnRequest(db, member.organization.id);
  if (!allowed.allowed) {
    const seconds = allowed.retryAfterSeconds;
    return errorResponse(
      { code: 'rate_limited', message: { key: 'impact.card.busy', values: { seconds } } },
      { headers: { ...noStore, 'Retry-After': String(seconds) } },
    );
  }
  const card = await computeImpactCard(db, member.organization.id, change, windows);
  if (!card) return errorResponse({ code: 'not_found' }, { headers: noStore });
  return jsonResponse({ change, card, stale: false }, { headers: noStore }) satisfies JsonResponse<ChangeImpactJson>;
}

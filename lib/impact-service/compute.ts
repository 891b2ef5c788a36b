import 'server-only';
import type { Database } from '@/db/client';
import { changesBetween } from '@/db/queries/changes';
import {
  impactOrganization,
  type ImpactOrganization,
  impactTouchpoints,
  claimStaleImpact,
  type ComputedCard,
  storeImpactCards,
  weeklyCells,
  type WeeklyAudience,
  type WeeklySums,
} from '@/db/queries/impact';
import { deleteImpactResult, requeueImpactResult } from '@/db/queries/impact-staleness';
import { takeRequestToken } from '@/db/queries/throttle';
import type { RateDecision, RatePolicy } from '@/lib/domain/rate';
import { dateIn } from '@/lib/domain/weeks';
import { type CardInput, impactCard } from '@/lib/impact/card';
import { type CardComputer, inPlace, type SharedInput } from './cards-off-thread';
import { keptWeeklyCells } from './kept-cells';
import type { ImpactCard } from '@/lib/impact/card-schema';
import type { ChangeRecord } from '@/lib/impact/change';
import type { Windows } from '@/lib/impact/settings';
import { daysRead } from '@/lib/impact/window';
import { tellIdeasOfVerdicts } from '@/lib/ideas/verdict-notices';

/**
 * Computing impact cards from the database: one card on request (other windows on a card, the read API), and the
 * stale cards of an organization in a batch that reads the organization's weekly sums once.
 */

const keyOf = (c: { kind: string; id: string }) => `${c.kind}:${c.id}`;
/** Cards stored per transaction. */
const STORE_EVERY = 25;

/** The other changes a card reads: from its history to the end of its after window. */
function changesRead(
  all: readonly ChangeRecord[],
  change: ChangeRecord,
  windows: Windows,
  organization: ImpactOrganization,
) {
  const { calendar, from } = daysRead(change.date, windows, organization.weekStartsOn);
  return all.filter((c) => c.date >= from && c.date <= calendar.end);
}

/**
 * Cards computed on request (other windows on a card, the read API) per organization: ten at once, then one every
 * two seconds. One costs as much as a few hundred page reads at a large organization, so a script or a held-down
 * key must not hold up everyone else's pages.
 */
export const ON_REQUEST_RATE: RatePolicy = { perSecond: 0.5, burst: 10 };

/** Takes one of the organization's cards on request (ON_REQUEST_RATE); refused with the seconds to wait. */
export function mayComputeOnRequest(db: Database, organizationId: string, now = new Date()): Promise<RateDecision> {
  return takeRequestToken(db, `impact-on-request:${organizationId}`, ON_REQUEST_RATE, now);
}

/** One change's card, with the organization's default windows or others a person tries; nothing is stored. */
export async function computeImpactCard(
  db: Database,
  organizationId: string,
  change: ChangeRecord,
  windows?: Windows,
): Promise<ImpactCard | null> {
  const input = await cardOnRequestInput(db, organizationId, change, windows);
  return input && impactCard(input);
}

/**
 * What one card on request reads (its organization, touchpoints and changes, and the weeks, kept while unchanged):
 * the card's input, or null without the organization. Apart from the arithmetic, so that a bench can time each.
 */
export async function cardOnRequestInput(
  db: Database,
  organizationId: string,
  change: ChangeRecord,
  windows?: Windows,
): Promise<CardInput | null> {
  const organization = await impactOrganization(db, organizationId);
  if (!organization) return null;
  const chosen = windows ?? organization.settings.windows;
  const { from, to } = daysRead(change.date, chosen, organization.weekStartsOn);
  const today = dateIn(new Date(), organization.timeZone);
  const treated = change.touchpoints.map((t) => t.id);
  const [touchpoints, changes, { sums, audience }] = await Promise.all([
    impactTouchpoints(db, organizationId),
    changesBetween(db, organizationId, from, to),
    keptWeeklyCells(db, organization, { from, to }, treated),
  ]);
  // The changes read are those of the days the card reads.
  return { ...sharedOf(organization, touchpoints, sums, audience, today), change, changes, windows: chosen };
}

function sharedOf(
  organization: ImpactOrganization,
  touchpoints: SharedInput['touchpoints'],
  sums: WeeklySums,
  audience: WeeklyAudience,
  today: string,
): SharedInput {
  return {
    touchpoints,
    cells: sums,
    audience,
    settings: organization.settings,
    cesHeadline: organization.cesHeadline,
    firstDay: organization.weekStartsOn,
    today,
  };
}

/**
 * Recomputes up to `limit` stale cards of one organization with its default windows and stores them (one marked
 * again meanwhile stays stale and comes back in a later batch). Returns how many were stored. The server's worker
 * computes them on a thread of their own (`computer`), so that pages are not held up meanwhile.
 */
export async function recomputeStaleImpact(
  db: Database,
  organizationId: string,
  limit = 200,
  computer: CardComputer = inPlace(),
): Promise<number> {
  const organization = await impactOrganization(db, organizationId);
  if (!organization) return 0;
  const stale = await claimStaleImpact(db, organizationId, limit);
  if (stale.length === 0) return 0;
  // Every change of the organization is a few thousand rows at most: read them once, find the stale ones' dates.
  const all = await changesBetween(db, organizationId, '1900-01-01', '9999-12-31');
  const byKey = new Map(all.map((c) => [keyOf(c), c]));
  const wanted = stale.flatMap((row) => {
    const change = byKey.get(keyOf(row));
    return change ? [{ row, change }] : [];
  });
  for (const row of stale) if (!byKey.has(keyOf(row))) await deleteImpactResult(db, organizationId, row.kind, row.id);
  if (wanted.length === 0) return 0;
  const windows = organization.settings.windows;
  const spans = wanted.map(({ change }) => daysRead(change.date, windows, organization.weekStartsOn));
  const from = spans.map((s) => s.from).sort()[0]!;
  const to = spans
    .map((s) => s.to)
    .sort()
    .at(-1)!;
  const today = dateIn(new Date(), organization.timeZone);
  const treated = [...new Set(wanted.flatMap(({ change }) => change.touchpoints.map((t) => t.id)))];
  const [touchpoints, { sums, audience }] = await Promise.all([
    impactTouchpoints(db, organizationId),
    weeklyCells(db, organizationId, { from, to }, organization, treated),
  ]);
  computer.begin(sharedOf(organization, touchpoints, sums, audience, today));
  let stored = 0;
  for (let i = 0; i < wanted.length; i += STORE_EVERY) {
    const chunk = wanted.slice(i, i + STORE_EVERY);
    const results = await computer.compute(
      chunk.map(({ change }) => ({ change, changes: changesRead(all, change, windows, organization), windows })),
    );
    const computed: ComputedCard[] = [];
    for (const [k, { row, change }] of chunk.entries()) {
      const result = results[k]!;
      if (result.ok) {
        const span = spans[i + k]!;
        computed.push({ change, previous: row.card, card: result.card, window: { start: span.from, end: span.to } });
      } else {
        // One card that cannot be computed must not hold up the others: it goes to the back of the queue.
        console.error(`impact card ${change.kind} ${change.id}: not computed\n${result.error}`);
        await requeueImpactResult(db, organizationId, change.kind, change.id);
      }
    }
    await storeImpactCards(db, organizationId, computed, (tx, cards) => tellIdeasOfVerdicts(tx, organizationId, cards));
    stored += computed.length;
  }
  return stored;
}

import { TZDate } from '@date-fns/tz';
import { and, eq, isNotNull } from 'drizzle-orm';
import { type NewResponse, recordResponses } from './queries/responses';
import {
  levers,
  leverTouchpoints,
  metricAggregates,
  planItems,
  planItemTouchpoints,
  responseImports,
  surveyLinks,
  touchpoints,
  weeklyImprovements,
  weeklyImprovementTouchpoints,
} from './schema';
import type { DemoContext } from './seed-context';
import {
  campaign,
  channels,
  comments,
  holidayPeak,
  movers,
  personas,
  type Series,
  series,
  touchpointKeys,
  ttrSeries,
  volumeKind,
  weekdayVolume,
} from './seed-metrics-story';
import { isValidScore, type Metric, scales } from '@/lib/domain/metrics';
import { addDays, addWeeks, dateIn, weekOf } from '@/lib/domain/weeks';
import { newSurveyToken } from '@/lib/secrets/tokens';

/** A year of answers, in whole weeks up to the current one. */
const WEEKS = 53;
const DAYS = 7 * WEEKS;
/** The program started when the first goal was published (seed-goal: 150 days ago); scores creep up from then. */
const PROGRAM_DAYS = 150;
const programDrift: Record<Metric, number> = { nps: 0.3, csat: 0.12, ces: 0.25, nev: 0.35, ttr: -0.12 };
/** Days over which a mover's effect builds up after its effective date. */
const RAMP_DAYS = 10;
const personaEffect: Record<string, Record<string, number>> = {
  'Busy parent': { 'Courier delivery': -0.5 },
  'Book collector': { Packaging: -0.4 },
  'Gift buyer': { Checkout: -0.3 },
};

/**
 * A small seeded generator (mulberry32), so the demo tells the same story every time it is seeded. Each series draws
 * each day of the week from its own seed, counted from the current week, so the weeks before it hold the same answers
 * whatever the day of seeding (outside the Christmas season, which follows the calendar).
 */
function generator(seed: number) {
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return { next, normal, pick };
}

interface Effect {
  /** The touchpoint's name; null: every touchpoint (a shared shift). */
  touchpoint: string | null;
  metric: Metric;
  from: string;
  /** The first day without it (a campaign ends); null: it stays. */
  until: string | null;
  level: number;
  spread: number;
  /** Days over which it builds up. */
  rampDays: number;
}

/**
 * Where and from when each mover acts: at the touchpoints its weekly improvement, plan item or lever is linked to,
 * from its effective date ("took effect on" for a plan item); and the campaign's shared shift from its improvement's
 * date.
 */
async function resolveEffects({ tx, organizationId, touchpointIds }: DemoContext): Promise<Effect[]> {
  const nameOf = new Map([...touchpointIds].map(([name, id]) => [id, name]));
  const weekly = await tx
    .select({
      title: weeklyImprovements.title,
      day: weeklyImprovements.effectiveDate,
      touchpointId: weeklyImprovementTouchpoints.touchpointId,
    })
    .from(weeklyImprovements)
    .leftJoin(
      weeklyImprovementTouchpoints,
      and(
        eq(weeklyImprovementTouchpoints.organizationId, weeklyImprovements.organizationId),
        eq(weeklyImprovementTouchpoints.improvementId, weeklyImprovements.id),
      ),
    )
    .where(eq(weeklyImprovements.organizationId, organizationId));
  const done = await tx
    .select({
      title: planItems.title,
      day: planItems.effectiveDate,
      touchpointId: planItemTouchpoints.touchpointId,
    })
    .from(planItems)
    .innerJoin(
      planItemTouchpoints,
      and(
        eq(planItemTouchpoints.organizationId, planItems.organizationId),
        eq(planItemTouchpoints.planItemId, planItems.id),
      ),
    )
    .where(
      and(
        eq(planItems.organizationId, organizationId),
        eq(planItems.status, 'done'),
        isNotNull(planItems.effectiveDate),
      ),
    );
  const inEffect = await tx
    .select({ title: levers.name, day: levers.effectiveDate, touchpointId: leverTouchpoints.touchpointId })
    .from(levers)
    .innerJoin(
      leverTouchpoints,
      and(eq(leverTouchpoints.organizationId, levers.organizationId), eq(leverTouchpoints.leverId, levers.id)),
    )
    .where(and(eq(levers.organizationId, organizationId), isNotNull(levers.effectiveDate)));
  const changes = { weekly, plan: done, lever: inEffect };
  const effects: Effect[] = [];
  for (const mover of movers) {
    const links = changes[mover.kind].filter((c) => c.title === mover.title);
    for (const { day, touchpointId } of links) {
      if (!day || !touchpointId) continue;
      effects.push({
        touchpoint: nameOf.get(touchpointId)!,
        metric: mover.metric,
        from: day,
        until: null,
        level: mover.level,
        spread: mover.spread ?? 1,
        rampDays: RAMP_DAYS,
      });
    }
  }
  const start = weekly.find((w) => w.title === campaign.title)?.day;
  if (start) {
    for (const [metric, level] of Object.entries(campaign.shifts)) {
      const until = addDays(start, campaign.days);
      effects.push({ touchpoint: null, metric: metric as Metric, from: start, until, level, spread: 1, rampDays: 1 });
    }
  }
  return effects;
}

/** Days from `day` to the current week's Monday. */
const daysBefore = (day: string, monday: string) => (Date.parse(monday) - Date.parse(day)) / 86_400_000;

function levelAt(s: Series, effects: Effect[], day: string, monday: string) {
  let level = s.level;
  let spread = s.spread;
  const sinceProgram = PROGRAM_DAYS - daysBefore(day, monday);
  if (sinceProgram > 0) level += programDrift[s.metric] * (sinceProgram / PROGRAM_DAYS);
  const monthDay = day.slice(5);
  if (s.metric !== 'ttr' && (monthDay >= '12-10' || monthDay <= '01-05')) level += holidayPeak.dip;
  for (const e of effects) {
    if ((e.touchpoint !== null && e.touchpoint !== s.touchpoint) || e.metric !== s.metric) continue;
    if (day < e.from || (e.until !== null && day >= e.until)) continue;
    const ramp = Math.min(1, ((Date.parse(day) - Date.parse(e.from)) / 86_400_000 + 1) / e.rampDays);
    level += e.level * ramp;
    spread *= 1 - (1 - e.spread) * ramp;
  }
  return { level, spread };
}

/**
 * Answers per day: fewer on quiet weekdays, more before Christmas and during the campaign, growing as more customers
 * get the survey.
 */
function volumeAt(s: Series, day: string, monday: string, effects: Effect[]) {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  const growth = 0.85 + 0.3 * (1 - daysBefore(day, monday) / DAYS);
  const monthDay = day.slice(5);
  const season = s.metric !== 'ttr' && monthDay >= '12-01' && monthDay <= '12-24' ? 1.4 : 1;
  const campaigning =
    s.metric !== 'ttr' &&
    effects.some((e) => e.touchpoint === null && day >= e.from && e.until !== null && day < e.until);
  return (
    (s.perYear / DAYS) *
    weekdayVolume[volumeKind[s.touchpoint] ?? 'online'][weekday]! *
    growth *
    season *
    (campaigning ? campaign.volume : 1)
  );
}

function scoreOf(metric: Metric, latent: number) {
  if (metric === 'ttr') return Math.max(5, Math.round(Math.exp(latent)));
  const { min, max } = scales[metric];
  return Math.min(max, Math.max(min, Math.round(latent)));
}

function instantOf(day: string, minuteOfDay: number, timeZone: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60, timeZone).getTime());
}

type Draft = Omit<NewResponse, 'source'>;

/** A year of answers for one series, ending now. */
function answersOf(
  s: Series,
  effects: Effect[],
  touchpointId: string,
  timeZone: string,
  now: Date,
  seed: number,
): Draft[] {
  const today = dateIn(now, timeZone);
  const monday = weekOf(now, timeZone, 1);
  const drafts: Draft[] = [];
  for (let weeksAgo = WEEKS - 1; weeksAgo >= 0; weeksAgo--) {
    for (let weekday = 0; weekday < 7; weekday++) {
      const day = addDays(addWeeks(monday, -weeksAgo), weekday);
      if (day > today) break;
      const random = generator(Math.imul(seed, 7919) + weeksAgo * 7 + weekday);
      const { level, spread } = levelAt(s, effects, day, monday);
      const count = Math.floor(volumeAt(s, day, monday, effects) + random.next());
      // Answers come between 08:00 and 22:00, after any DST change of the day (at 03:00-04:00): noon's offset holds.
      const noon = instantOf(day, 12 * 60, timeZone).getTime();
      for (let i = 0; i < count; i++) {
        const persona = random.next() < 0.65 ? random.pick(personas) : null;
        const latent = level + (persona ? (personaEffect[persona]?.[s.touchpoint] ?? 0) : 0) + spread * random.normal();
        const respondedAt = new Date(noon + (Math.floor(random.next() * 14 * 60) - 4 * 60) * 60_000);
        if (respondedAt.getTime() > now.getTime() - 60_000) continue;
        drafts.push({
          touchpointId,
          metric: s.metric,
          score: scoreOf(s.metric, latent),
          respondedAt,
          persona,
          channel: random.pick(channels[s.touchpoint]!),
        });
      }
    }
  }
  return drafts;
}

/**
 * The demo's metrics: touchpoint keys, a year of answers at every touchpoint (built into rollups by
 * recordResponses, like real answers), TTR imported quarter by quarter from the helpdesk, survey links and an
 * agency's quarterly NPS. Some weekly improvements and finished plan items moved their declared metric, and a
 * campaign moved every touchpoint for six weeks (seed-metrics-story).
 */
export async function seedMetrics(context: DemoContext, timeZone: string) {
  const { tx, organizationId, people, touchpointIds, now = new Date() } = context;
  const organization = { id: organizationId, timeZone };
  const today = dateIn(now, timeZone);
  const idOf = (name: string) => touchpointIds.get(name)!;
  for (const [name, key] of Object.entries(touchpointKeys)) {
    await tx
      .update(touchpoints)
      .set({ key })
      .where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.id, idOf(name))));
  }

  const effects = await resolveEffects(context);
  const answers: NewResponse[] = series.flatMap((s, i) =>
    answersOf(s, effects, idOf(s.touchpoint), timeZone, now, 1000 + i).map((a) => ({ ...a, source: 'seed' as const })),
  );
  const commentRandom = generator(77);
  for (const c of comments) {
    if (!isValidScore(c.metric, c.score)) throw new Error(`Demo comment out of range: ${c.text}`);
    answers.push({
      touchpointId: idOf(c.touchpoint),
      metric: c.metric,
      score: c.score,
      comment: c.text,
      source: 'seed',
      respondedAt: instantOf(
        addDays(today, -Math.max(1, c.daysAgo)),
        9 * 60 + Math.floor(commentRandom.next() * 11 * 60),
        timeZone,
      ),
      persona: commentRandom.next() < 0.7 ? commentRandom.pick(personas) : null,
      channel: commentRandom.pick(channels[c.touchpoint]!),
    });
  }
  await recordResponses(tx, organization, answers);
  await seedHelpdeskImports(context, timeZone, now, effects);

  const links: [string, Metric, boolean][] = [
    ['Courier delivery', 'csat', true],
    ['Packaging', 'nev', true],
    ['Checkout', 'ces', true],
    ['Support chat and phone', 'csat', true],
    ['Returns', 'nps', true],
    ['Product page', 'nev', false],
  ];
  await tx.insert(surveyLinks).values(
    links.map(([name, metric, enabled]) => ({
      organizationId,
      touchpointId: idOf(name),
      metric,
      enabled,
      token: newSurveyToken(),
    })),
  );

  const quarter = quarterOf(addDays(quarterOf(today).start, -1));
  await tx.insert(metricAggregates).values({
    organizationId,
    touchpointId: idOf('Support chat and phone'),
    metric: 'nps',
    value: 27,
    n: 412,
    periodStart: quarter.start,
    periodEnd: quarter.end,
    source: `Kyiv Research Agency, Q${quarter.number} ${quarter.year} phone survey`,
    createdBy: people.get('exec@demo.test')!,
    createdAt: instantOf(addDays(quarter.end, 12), 11 * 60, timeZone),
  });
  return { answers: answers.length };
}

function quarterOf(day: string) {
  const year = Number(day.slice(0, 4));
  const number = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const start = `${year}-${String(number * 3 - 2).padStart(2, '0')}-01`;
  const next = number === 4 ? `${year + 1}-01-01` : `${year}-${String(number * 3 + 1).padStart(2, '0')}-01`;
  return { year, number, start, end: addDays(next, -1) };
}

/** Time to resolution from the helpdesk, one CSV export per quarter (the current one taken this morning). */
async function seedHelpdeskImports(
  { tx, organizationId, people, touchpointIds }: DemoContext,
  timeZone: string,
  now: Date,
  effects: Effect[],
) {
  const touchpointId = touchpointIds.get(ttrSeries.touchpoint)!;
  const exportedToday = instantOf(dateIn(now, timeZone), 7 * 60, timeZone);
  const cutOff = exportedToday < now ? exportedToday : now;
  const tickets = answersOf(ttrSeries, effects, touchpointId, timeZone, cutOff, 4242);
  const byQuarter = new Map<string, Draft[]>();
  for (const ticket of tickets) {
    const start = quarterOf(dateIn(ticket.respondedAt, timeZone)).start;
    if (!byQuarter.has(start)) byQuarter.set(start, []);
    byQuarter.get(start)!.push(ticket);
  }
  let ticketNumber = 48_210;
  for (const [start, quarterTickets] of [...byQuarter].sort(([a], [b]) => a.localeCompare(b))) {
    const quarter = quarterOf(start);
    const exportedAt =
      quarter.end >= dateIn(cutOff, timeZone) ? cutOff : instantOf(addDays(quarter.end, 3), 10 * 60, timeZone);
    const [row] = await tx
      .insert(responseImports)
      .values({
        organizationId,
        fileName: `helpdesk-export-${quarter.year}-q${quarter.number}.csv`,
        rowCount: quarterTickets.length,
        createdBy: people.get('exec@demo.test')!,
        createdAt: exportedAt,
      })
      .returning({ id: responseImports.id });
    const { stored, duplicates } = await recordResponses(
      tx,
      { id: organizationId, timeZone },
      quarterTickets.map((t) => ({
        ...t,
        source: 'import' as const,
        importId: row!.id,
        persona: null,
        externalId: `HD-${ticketNumber++}`,
      })),
    );
    await tx
      .update(responseImports)
      .set({ storedCount: stored, duplicateCount: duplicates })
      .where(and(eq(responseImports.organizationId, organizationId), eq(responseImports.id, row!.id)));
  }
}

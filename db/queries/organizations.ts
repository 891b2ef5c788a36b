import 'server-only';
import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { organizations } from '@/db/schema';
import type { CesHeadline } from '@/lib/domain/metrics';
import type { FirstDay } from '@/lib/domain/weeks';
import {
  defaultThresholds,
  impactSettingsOf,
  type Measure,
  measures,
  type Threshold,
  type Windows,
} from '@/lib/impact/settings';

const columns = {
  id: organizations.id,
  name: organizations.name,
  slug: organizations.slug,
  timeZone: organizations.timeZone,
  weekStartsOn: organizations.weekStartsOn,
  defaultLocale: organizations.defaultLocale,
  currency: organizations.currency,
  reminderWeekday: organizations.reminderWeekday,
  cesHeadline: organizations.cesHeadline,
  impactBaselineWeeks: organizations.impactBaselineWeeks,
  impactWashoutWeeks: organizations.impactWashoutWeeks,
  impactAfterWeeks: organizations.impactAfterWeeks,
};

export type Organization = {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  weekStartsOn: FirstDay;
  defaultLocale: string;
  currency: string;
  reminderWeekday: number;
  /** Which CES number is the headline: the mean (1-7) or the share of easy answers (5-7). */
  cesHeadline: CesHeadline;
  /** The impact cards' default windows (Settings → Impact): they decide when a change's declared target locks. */
  impactWindows: Windows;
};

type OrganizationRow = Omit<Organization, 'cesHeadline' | 'impactWindows'> & {
  cesHeadline: string;
  impactBaselineWeeks: number;
  impactWashoutWeeks: number;
  impactAfterWeeks: number;
};

/** The column is text: anything but 'share' reads as the default, the mean. */
const typed = ({
  impactBaselineWeeks,
  impactWashoutWeeks,
  impactAfterWeeks,
  ...row
}: OrganizationRow): Organization => ({
  ...row,
  cesHeadline: row.cesHeadline === 'share' ? 'share' : 'mean',
  impactWindows: impactSettingsOf({ impactBaselineWeeks, impactWashoutWeeks, impactAfterWeeks, impactThresholds: {} })
    .windows,
});

export async function findOrganization(db: Database, organizationId: string): Promise<Organization | null> {
  const [row] = await db.select(columns).from(organizations).where(eq(organizations.id, organizationId));
  return row ? typed(row) : null;
}

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return base || 'organization';
}

/** A slug not yet taken: the name's slug, or it with a number appended. */
export async function freeSlug(db: Database, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await db
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(sql`${organizations.slug} = ${base} or ${organizations.slug} like ${base + '-%'}`);
  const set = new Set(taken.map((r) => r.slug));
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createOrganization(
  db: Database,
  values: { name: string; timeZone?: string; weekStartsOn?: FirstDay; defaultLocale?: string; currency?: string },
) {
  const slug = await freeSlug(db, values.name);
  const [row] = await db
    .insert(organizations)
    .values({ ...values, slug })
    .returning(columns);
  return typed(row!);
}

export async function updateOrganization(
  db: Database,
  organizationId: string,
  values: Partial<
    Pick<
      Organization,
      'name' | 'timeZone' | 'weekStartsOn' | 'currency' | 'defaultLocale' | 'reminderWeekday' | 'cesHeadline'
    >
  >,
) {
  await db.update(organizations).set(values).where(eq(organizations.id, organizationId));
}

/**
 * Saves the impact settings. Thresholds equal to IMPACT.md's defaults are stored as no override, so an organization
 * that never chose otherwise keeps following the defaults.
 */
export async function saveImpactSettings(
  db: Database,
  organizationId: string,
  settings: { windows: Windows; thresholds: Record<Measure, Threshold> },
) {
  const overrides: Partial<Record<Measure, Threshold>> = {};
  for (const m of measures) {
    const { minChange, precision } = settings.thresholds[m];
    if (minChange !== defaultThresholds[m].minChange || precision !== defaultThresholds[m].precision)
      overrides[m] = { minChange, precision };
  }
  await db
    .update(organizations)
    .set({
      impactBaselineWeeks: settings.windows.baselineWeeks,
      impactWashoutWeeks: settings.windows.washoutWeeks,
      impactAfterWeeks: settings.windows.afterWeeks,
      impactThresholds: overrides,
    })
    .where(eq(organizations.id, organizationId));
}

/** Which CES number the organization shows as its headline, for callers that do not hold the organization. */
export async function cesHeadlineOf(db: Database, organizationId: string): Promise<CesHeadline> {
  return (await findOrganization(db, organizationId))?.cesHeadline ?? 'mean';
}

/** How many organizations this server holds (SIGN_UP=first allows sign-up only while there are none). */
export async function countOrganizations(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return row?.n ?? 0;
}

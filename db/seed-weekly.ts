import { insertImprovement, setImprovementTouchpoints } from './queries/weekly';
import type { DemoContext } from './seed-context';
import { type DemoImprovement, weeklyStory } from './seed-weekly-story';
import { addDays, addWeeks, dateIn, weekOf } from '@/lib/domain/weeks';
import { betterDirection } from '@/lib/impact/declared-target';

const owners: Record<string, string> = {
  'Customer support': 'lead@demo.test',
  Delivery: 'delivery@demo.test',
  IT: 'it@demo.test',
};

/** The story's titles must stay distinct (the impact cards and the movers find an improvement by its title). */
function checkStory(story: Record<string, DemoImprovement[]>) {
  const titles = Object.values(story).flatMap((list) => list.map((i) => i.title));
  const repeated = titles.filter((title, i) => titles.indexOf(title) !== i);
  if (repeated.length > 0) throw new Error(`Demo improvements repeat a title: ${repeated.join(', ')}`);
  for (const [department, list] of Object.entries(story)) {
    const weeks = list.map((i) => i.weeksAgo);
    if (new Set(weeks).size !== weeks.length) throw new Error(`${department} logs twice in one demo week`);
  }
}

/** 26 weeks of history: mostly filled, some gaps and late entries, streaks of different lengths. */
export async function seedWeekly(
  { tx, organizationId, people, departmentIds, touchpointIds, now = new Date() }: DemoContext,
  timeZone: string,
) {
  checkStory(weeklyStory);
  const currentWeek = weekOf(now, timeZone, 1);
  const today = dateIn(now, timeZone);
  const exec = people.get('exec@demo.test')!;
  for (const [department, departmentId] of departmentIds) {
    const owner = owners[department];
    for (const entry of weeklyStory[department] ?? []) {
      const week = addWeeks(currentWeek, -entry.weeksAgo);
      // Changes take effect on Wednesdays; this week's, logged early in the week, on its first day.
      const effectiveDate = entry.weeksAgo === 0 && today < addDays(week, 2) ? week : addDays(week, 2);
      const metric = entry.metric ?? null;
      const improvement = await insertImprovement(tx, organizationId, {
        departmentId,
        weekStart: week,
        late: entry.late ?? false,
        createdBy: owner ? people.get(owner)! : exec,
        title: entry.title,
        process: entry.title.toLowerCase(),
        before: entry.before ?? 'Done by habit, differently by each person, not measured.',
        after: entry.after ?? `${entry.title}, checked every week.`,
        metric,
        businessMetric: entry.business?.name ?? '',
        direction: metric === null ? null : (entry.business?.direction ?? betterDirection(metric)),
        source: entry.idea ? 'idea' : null,
        sourcePlanItemId: undefined,
        sourceNote: entry.idea ? 'Suggested by front-line staff' : '',
        ownerUserId: owner ? people.get(owner)! : undefined,
        effectiveDate,
      });
      const links = (entry.at ?? []).map((name) => touchpointIds.get(name)!);
      if (improvement) await setImprovementTouchpoints(tx, organizationId, improvement.id, links);
    }
  }
}

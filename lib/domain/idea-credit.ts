import type { MetricImpact } from '@/lib/impact/card-schema';
import { benjaminiHochberg } from '@/lib/impact/verdict';

/** A shipped idea and the measured effect of the change it became (its card's first metric: the declared target). */
export interface ShippedIdea {
  ideaId: string;
  title: string;
  /** Null for an anonymous idea: it counts for nobody. */
  authorId: string | null;
  authorName: string | null;
  departmentId: string;
  departmentName: string;
  /** The day it shipped (YYYY-MM-DD, the organization's calendar). */
  shippedOn: string;
  change: { kind: 'improvement' | 'plan-item'; id: string; title: string } | null;
  effect: Pick<MetricImpact, 'metric' | 'estimate' | 'p' | 'minChange' | 'direction' | 'verdict'> | null;
}

export interface CreditLine {
  id: string;
  name: string;
  shippedQuarter: number;
  shippedAllTime: number;
  clearQuarter: number;
  clearAllTime: number;
}

/** The first day of the calendar quarter of a day (YYYY-MM-DD). */
export function quarterStart(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

/**
 * Which shipped ideas' changes are clearly better: across the whole list at once, Benjamini-Hochberg at q = 0.10 on
 * their p values (IMPACT.md, "lists across changes"), and an effect in the better direction of at least the
 * metric's minimum meaningful change. A change still collecting, or without a measure, is not clear.
 */
export function clearlyBetter(ideas: readonly ShippedIdea[]): Set<string> {
  const tested = ideas.filter(
    (i) => i.effect && i.effect.verdict !== 'collecting' && i.effect.p !== null && i.effect.estimate !== null,
  );
  const discoveries = benjaminiHochberg(tested.map((i) => i.effect!.p!));
  const clear = new Set<string>();
  tested.forEach((idea, i) => {
    const { estimate, minChange, direction } = idea.effect!;
    const gain = direction === 'down' ? -estimate! : estimate!;
    if (discoveries[i] && gain >= minChange) clear.add(idea.ideaId);
  });
  return clear;
}

/** Credit per person (anonymous ideas count for nobody) and per department, this quarter and all time. */
export function ideaCredit(ideas: readonly ShippedIdea[], today: string) {
  const clear = clearlyBetter(ideas);
  const since = quarterStart(today);
  const tally = (key: (i: ShippedIdea) => { id: string; name: string } | null) => {
    const lines = new Map<string, CreditLine>();
    for (const idea of ideas) {
      const who = key(idea);
      if (!who) continue;
      const line = lines.get(who.id) ?? {
        ...who,
        shippedQuarter: 0,
        shippedAllTime: 0,
        clearQuarter: 0,
        clearAllTime: 0,
      };
      const thisQuarter = idea.shippedOn >= since;
      line.shippedAllTime += 1;
      if (thisQuarter) line.shippedQuarter += 1;
      if (clear.has(idea.ideaId)) {
        line.clearAllTime += 1;
        if (thisQuarter) line.clearQuarter += 1;
      }
      lines.set(who.id, line);
    }
    return [...lines.values()].sort(
      (a, b) => b.clearAllTime - a.clearAllTime || b.shippedAllTime - a.shippedAllTime || a.name.localeCompare(b.name),
    );
  };
  return {
    people: tally((i) => (i.authorId ? { id: i.authorId, name: i.authorName ?? '' } : null)),
    departments: tally((i) => ({ id: i.departmentId, name: i.departmentName })),
    clear: ideas.filter((i) => clear.has(i.ideaId)),
    quarterStart: since,
  };
}

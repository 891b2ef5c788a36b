/**
 * The one-page CX goal: its sections, the one-page character budget, what a version needs before it can be
 * published, the sensible range of each target metric, and the word-level comparison of two versions.
 * Pure rules, no I/O: the editor shows the same numbers the server enforces.
 */
import { diffArrays, diffWords } from 'diff';

/** All five sections together must fit on one printed page. */
export const GOAL_CHARACTER_BUDGET = 2500;
export const COMMITMENTS_MIN = 3;
export const COMMITMENTS_MAX = 5;
export const TARGETS_MAX = 8;

/** The longest each section may be on its own (the budget over all of them is the tighter rule). */
export const SECTION_MAX = {
  statement: 300,
  whyService: 1000,
  atmosphere: 1000,
  commitment: 300,
  dayToDay: 1000,
} as const;

export const textSections = ['statement', 'whyService', 'atmosphere', 'dayToDay'] as const;
export type TextSection = (typeof textSections)[number];
/** The order in which the sections appear on the page. */
export const goalSections = ['statement', 'whyService', 'atmosphere', 'commitments', 'dayToDay'] as const;
export type GoalSection = (typeof goalSections)[number];

export interface GoalSections {
  statement: string;
  whyService: string;
  atmosphere: string;
  commitments: string[];
  dayToDay: string;
}

export const targetMetrics = ['nps', 'csat', 'ces', 'nev', 'ttr', 'business'] as const;
export type TargetMetric = (typeof targetMetrics)[number];

/** The values a target of each metric can take (see DOMAIN.md: scales and scores); null means any number. */
export const METRIC_RANGE: Record<TargetMetric, { min: number; max: number } | null> = {
  nps: { min: -100, max: 100 },
  csat: { min: 0, max: 100 },
  ces: { min: 1, max: 7 },
  nev: { min: -100, max: 100 },
  ttr: { min: 0, max: 10_000 },
  business: null,
};

/** Characters as a person counts them: one per code point, so an emoji or an accented letter is one. */
export function characterCount(text: string): number {
  return Array.from(text.trim()).length;
}

/** The commitments that say something: blank ones are left out. */
export function filledCommitments(commitments: readonly string[]): string[] {
  return commitments.map((c) => c.trim()).filter((c) => c.length > 0);
}

/** How many of the budget's characters the sections use. */
export function goalLength(sections: GoalSections): number {
  return (
    textSections.reduce((sum, section) => sum + characterCount(sections[section]), 0) +
    filledCommitments(sections.commitments).reduce((sum, c) => sum + characterCount(c), 0)
  );
}

export interface Budget {
  used: number;
  budget: number;
  remaining: number;
  over: boolean;
}

export function goalBudget(sections: GoalSections, budget = GOAL_CHARACTER_BUDGET): Budget {
  const used = goalLength(sections);
  return { used, budget, remaining: budget - used, over: used > budget };
}

/** A rule a goal breaks, with the field it concerns and the numbers a message needs. */
export type GoalProblem =
  | { field: 'budget'; rule: 'overBudget'; used: number; budget: number }
  | { field: 'commitments'; rule: 'commitmentCount'; count: number; min: number; max: number }
  | { field: TextSection; rule: 'sectionMissing' };

/** A draft may be incomplete, but never longer than one page. */
export function draftProblems(sections: GoalSections): GoalProblem[] {
  const { used, budget, over } = goalBudget(sections);
  return over ? [{ field: 'budget', rule: 'overBudget', used, budget }] : [];
}

/** A published version has every section and 3 to 5 commitments, and fits the page. */
export function publishProblems(sections: GoalSections): GoalProblem[] {
  const problems: GoalProblem[] = [];
  for (const section of textSections) {
    if (characterCount(sections[section]) === 0) problems.push({ field: section, rule: 'sectionMissing' });
  }
  const count = filledCommitments(sections.commitments).length;
  if (count < COMMITMENTS_MIN || count > COMMITMENTS_MAX) {
    problems.push({ field: 'commitments', rule: 'commitmentCount', count, min: COMMITMENTS_MIN, max: COMMITMENTS_MAX });
  }
  return [...problems, ...draftProblems(sections)];
}

/** Whether a target value is possible for its metric (an NPS of 450 is a typo, not an ambition). */
export function targetValueInRange(metric: TargetMetric, value: number): boolean {
  const range = METRIC_RANGE[metric];
  return Number.isFinite(value) && (range === null || (value >= range.min && value <= range.max));
}

/** A piece of a compared text: unchanged, added in the newer version, or removed from the older one. */
export interface TextChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Word-level changes from one version of a text to the next (whitespace kept, punctuation its own word). */
export function wordChanges(before: string, after: string): TextChange[] {
  return diffWords(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

/** Changes between two lists (commitments, targets): whole entries added or removed, the rest unchanged. */
export function listChanges(
  before: readonly string[],
  after: readonly string[],
): { kind: TextChange['kind']; items: string[] }[] {
  return diffArrays([...before], [...after]).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    items: part.value,
  }));
}

/** One entry of a compared list: kept, reworded (with its word changes), added or removed. */
export interface EntryChange {
  kind: 'same' | 'changed' | 'added' | 'removed';
  changes: TextChange[];
}

/** How alike two entries are, from 0 to 1: the share of words they have in common (Dice coefficient). */
export function entrySimilarity(a: string, b: string): number {
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const left = words(a);
  const right = words(b);
  if (left.size + right.size === 0) return 1;
  let common = 0;
  for (const word of left) if (right.has(word)) common++;
  return (2 * common) / (left.size + right.size);
}

/** Below this, a removed and an added entry are different entries, not one reworded. */
const REWORDED = 0.3;

/**
 * Compares two lists entry by entry. Where entries were removed and others added in their place, each removed
 * one is paired, in order, with the most alike added one and compared word by word, so a reworded commitment
 * reads as an edit; the others are shown whole as added or removed.
 */
export function entryChanges(before: readonly string[], after: readonly string[]): EntryChange[] {
  const parts = listChanges(before, after);
  const entries: EntryChange[] = [];
  const whole = (kind: TextChange['kind'], text: string): EntryChange => ({ kind, changes: [{ kind, text }] });
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.kind !== 'removed' || next?.kind !== 'added') {
      for (const item of part.items) entries.push(whole(part.kind, item));
      continue;
    }
    let nextAdded = 0;
    for (const old of part.items) {
      let best = -1;
      for (let j = nextAdded; j < next.items.length; j++) {
        const score = entrySimilarity(old, next.items[j]!);
        if (score >= REWORDED && (best < 0 || score > entrySimilarity(old, next.items[best]!))) best = j;
      }
      if (best < 0) {
        entries.push(whole('removed', old));
        continue;
      }
      for (; nextAdded < best; nextAdded++) entries.push(whole('added', next.items[nextAdded]!));
      entries.push({ kind: 'changed', changes: wordChanges(old, next.items[best]!) });
      nextAdded = best + 1;
    }
    for (; nextAdded < next.items.length; nextAdded++) entries.push(whole('added', next.items[nextAdded]!));
    i++;
  }
  return entries;
}

/** Whether a comparison found anything that changed. */
export function hasChanges(changes: readonly { kind: TextChange['kind'] }[]): boolean {
  return changes.some((c) => c.kind !== 'same');
}

/** A member and whether they have confirmed reading the current version, for the read-status overview. */
export interface MemberReading {
  userId: string;
  name: string;
  email: string;
  departmentId: string | null;
  departmentName: string | null;
  readAt: Date | null;
}

export interface DepartmentReading {
  /** null for the members without a department ("No department"). */
  departmentId: string | null;
  departmentName: string | null;
  read: MemberReading[];
  notRead: MemberReading[];
}

/** Groups members by department (alphabetically, "No department" last), readers and non-readers by name. */
export function readingByDepartment(members: readonly MemberReading[]): DepartmentReading[] {
  const groups = new Map<string | null, DepartmentReading>();
  for (const member of members) {
    const key = member.departmentId;
    const group = groups.get(key) ?? {
      departmentId: key,
      departmentName: member.departmentName,
      read: [],
      notRead: [],
    };
    (member.readAt ? group.read : group.notRead).push(member);
    groups.set(key, group);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return [...groups.values()]
    .map((g) => ({ ...g, read: [...g.read].sort(byName), notRead: [...g.notRead].sort(byName) }))
    .sort((a, b) => {
      if (a.departmentId === null) return 1;
      if (b.departmentId === null) return -1;
      return (a.departmentName ?? '').localeCompare(b.departmentName ?? '');
    });
}

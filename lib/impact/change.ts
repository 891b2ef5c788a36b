/** A logged change as the impact cards see it: what it is, when it took effect, where, and what it should move. */
import type { ChangeKind } from './card-schema';

export type DeclaredMetric = 'nps' | 'csat' | 'ces' | 'nev' | 'ttr' | 'business';

export interface ChangeRecord {
  kind: ChangeKind;
  id: string;
  title: string;
  /** The day it took effect: an improvement's effective date, a done plan item's "took effect on" date. */
  date: string;
  departmentId: string;
  departmentName: string;
  touchpoints: { id: string; name: string }[];
  /** The declared target metric; null when none was declared (it is then modelled on every metric). */
  metric: DeclaredMetric | null;
  direction: 'up' | 'down' | null;
  /** A plan item's investment, shown beside its effect. */
  investment: number | null;
}

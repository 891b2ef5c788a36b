import type { TouchpointChart } from '@/db/queries/touchpoint-chart';
import type { ImpactCard } from '@/lib/impact/card-schema';
import type { ChangeRecord } from '@/lib/impact/change';
import type { ImprovementView } from '@/db/queries/weekly';
import type { WeeklyGrid } from '@/db/queries/weekly-grid';

/**
 * A value as it arrives after JSON.stringify and JSON.parse: a Date becomes its ISO string, a Map or a Set an
 * empty object, and functions are left out. The client parses this, never the server's own type.
 */
export type Jsonify<T> = T extends Date
  ? string
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends readonly (infer Item)[]
      ? Jsonify<Item>[]
      : T extends ReadonlyMap<unknown, unknown> | ReadonlySet<unknown>
        ? Record<string, never>
        : T extends object
          ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Jsonify<T[K]> }
          : never;

/** A JSON response that knows, for the compiler, the body its `json()` gives back. */
export type JsonResponse<Body> = Response & { json(): Promise<Body> };

/** Response.json, typed as the body travels: what a handler sends as T, a client reads as Jsonify<T>. */
export function jsonResponse<T>(body: T, init?: ResponseInit): JsonResponse<Jsonify<T>> {
  return Response.json(body, init);
}

// The bodies of the internal route handlers as they travel, named once for the handler and its client.
/** GET /api/weekly */
export type WeeklyGridJson = Jsonify<WeeklyGrid>;
/** GET /api/weekly/improvements/<id> */
export type ImprovementJson = Jsonify<ImprovementView>;
/** GET /api/touchpoints/<id>/metrics */
export type TouchpointChartJson = Jsonify<TouchpointChart>;

/** A change with its impact card: as stored (stale until the worker recomputes it), or computed for other windows. */
export interface ChangeImpact {
  change: ChangeRecord;
  /** null until the card is first computed. */
  card: ImpactCard | null;
  stale: boolean;
}
/** GET /api/changes/<kind>/<id> and GET /api/changes/<kind>/<id>/impact */
export type ChangeImpactJson = Jsonify<ChangeImpact>;

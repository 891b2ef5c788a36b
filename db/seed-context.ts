import type { Database } from './client';

/** What the demo seed has created so far, for the parts that build on it (goal, plans, …). */
export interface DemoContext {
  tx: Database;
  organizationId: string;
  /** User ids by demo email (exec@demo.test, lead@demo.test, staff@demo.test, delivery@demo.test, it@demo.test). */
  people: Map<string, string>;
  /** Department ids by name (Customer support, Delivery, Website, Marketing, Warehouse, IT, Finance, HR). */
  departmentIds: Map<string, string>;
  /** Touchpoint ids by name (Search and website, Product page, Checkout, Payment, Courier delivery, …). */
  touchpointIds: Map<string, string>;
  /** The moment of seeding: every date of the story is counted back from it (seedDemo's; otherwise the present). */
  now?: Date;
}

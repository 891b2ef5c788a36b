import { pgEnum } from 'drizzle-orm/pg-core';

/** Which way a change should move its metric: declared before its effect is known. */
export const metricDirectionEnum = pgEnum('metric_direction', ['up', 'down']);

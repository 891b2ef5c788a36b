/**
 * Mapping the columns of a CSV file to the fields of an answer. Pure, so the page and the tests share it.
 */
export const importFields = [
  'touchpoint',
  'metric',
  'score',
  'comment',
  'respondedAt',
  'externalId',
  'persona',
  'channel',
] as const;
export type ImportField = (typeof importFields)[number];

/** Where a field's value comes from: a column of the file, one value for the whole file, or nowhere. */
export type FieldSource = { kind: 'column'; index: number } | { kind: 'fixed'; value: string } | { kind: 'none' };
export type ColumnMapping = Record<ImportField, FieldSource>;

/** Fields that may be fixed for the whole file instead of read from a column. */
export const fixableFields: readonly ImportField[] = ['touchpoint', 'metric'];
export const requiredFields: readonly ImportField[] = ['touchpoint', 'metric', 'score'];

// Header names people use for each field, compared without case, spaces, dashes or underscores.
const synonyms: Record<ImportField, string[]> = {
  touchpoint: ['touchpoint', 'touchpointid', 'touchpointkey', 'touchpointname', 'touch', 'tp'],
  metric: ['metric', 'metrictype', 'type', 'question', 'survey', 'kpi'],
  score: ['score', 'rating', 'value', 'answer', 'grade', 'points', 'hours'],
  comment: ['comment', 'comments', 'feedback', 'text', 'remark', 'remarks', 'verbatim', 'note', 'notes'],
  respondedAt: [
    'respondedat',
    'responded',
    'date',
    'datetime',
    'timestamp',
    'time',
    'answeredat',
    'createdat',
    'submittedat',
  ],
  externalId: ['externalid', 'id', 'responseid', 'answerid', 'uid', 'reference', 'ref'],
  persona: ['persona', 'segment', 'customertype'],
  channel: ['channel', 'source', 'medium'],
};

export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** A first guess of the mapping from the header row: each field takes the first unused column whose name fits. */
export function detectMapping(headers: string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping = {} as ColumnMapping;
  for (const field of importFields) {
    const index = synonyms[field]
      .map((name) => normalized.findIndex((h, i) => h === name && !used.has(i)))
      .find((i) => i >= 0);
    if (index === undefined) {
      mapping[field] = { kind: 'none' };
    } else {
      used.add(index);
      mapping[field] = { kind: 'column', index };
    }
  }
  return mapping;
}

/** The fields that are required but have no source yet. */
export function missingFields(mapping: ColumnMapping): ImportField[] {
  return requiredFields.filter((field) => {
    const source = mapping[field];
    return source.kind === 'none' || (source.kind === 'fixed' && source.value === '');
  });
}

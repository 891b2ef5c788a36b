/** Permission-matrix rows of the touchpoint metrics: survey links, measured values, API keys and imports. */
import { type Fixtures, notFound, perDepartment, type Spec } from './spec';

const measured = {
  metric: 'nps',
  value: '30',
  n: '120',
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  source: 'Agency',
};
const touchpointOf = (f: Fixtures, d: 'A' | 'B') => (d === 'A' ? f.own.touchpointId : f.metrics.own.touchpointB);

// Survey links and measured values belong to a touchpoint, so to its department.
export const metricSpecs = {
  createSurveyLink: {
    permission: 'surveyLink.manage',
    own: perDepartment((f, d) => ({ touchpointId: touchpointOf(f, d), metric: 'csat' })),
    other: [{ label: '', input: (f) => ({ touchpointId: f.other.touchpointId, metric: 'csat' }), refusal: notFound }],
  },
  setSurveyLinkEnabled: {
    permission: 'surveyLink.manage',
    own: perDepartment((f, d) => ({ linkId: d === 'A' ? f.metrics.own.linkA : f.metrics.own.linkB, enabled: false })),
    other: [{ label: '', input: (f) => ({ linkId: f.metrics.other.linkA, enabled: false }), refusal: notFound }],
  },
  rotateSurveyLink: {
    permission: 'surveyLink.manage',
    own: perDepartment((f, d) => ({ linkId: d === 'A' ? f.metrics.own.linkA : f.metrics.own.linkB })),
    other: [{ label: '', input: (f) => ({ linkId: f.metrics.other.linkA }), refusal: notFound }],
  },
  addMetricAggregate: {
    permission: 'metricAggregate.manage',
    own: perDepartment((f, d) => ({ touchpointId: touchpointOf(f, d), ...measured })),
    other: [{ label: '', input: (f) => ({ touchpointId: f.other.touchpointId, ...measured }), refusal: notFound }],
  },
  deleteMetricAggregate: {
    permission: 'metricAggregate.manage',
    own: perDepartment((f, d) => ({ aggregateId: d === 'A' ? f.metrics.own.aggregateA : f.metrics.own.aggregateB })),
    other: [{ label: '', input: (f) => ({ aggregateId: f.metrics.other.aggregateA }), refusal: notFound }],
  },
  createApiKey: { permission: 'apiKey.manage', own: [{ label: '', input: () => ({ name: 'Helpdesk' }) }], other: [] },
  revokeApiKey: {
    permission: 'apiKey.manage',
    own: [{ label: '', input: (f) => ({ apiKeyId: f.metrics.own.apiKeyId }) }],
    other: [{ label: '', input: (f) => ({ apiKeyId: f.metrics.other.apiKeyId }), refusal: notFound }],
  },
  importResponses: {
    permission: 'responses.import',
    own: [
      {
        label: '',
        input: (f) => ({ fileName: 'more.csv', rows: [{ touchpoint: f.own.touchpointId, metric: 'nps', score: 10 }] }),
      },
    ],
    other: [
      {
        label: '',
        input: (f) => ({
          fileName: 'more.csv',
          rows: [{ touchpoint: f.other.touchpointId, metric: 'nps', score: 10 }],
        }),
        refusal: { code: 'invalid', rows: true },
      },
    ],
  },
  undoImport: {
    permission: 'responses.import',
    own: [{ label: '', input: (f) => ({ importId: f.metrics.own.importId }) }],
    other: [{ label: '', input: (f) => ({ importId: f.metrics.other.importId }), refusal: notFound }],
  },
} satisfies Record<string, Spec>;

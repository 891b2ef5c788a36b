// The English catalog, one file per area of the app so areas can change independently.
import auth from './auth.json';
import common from './common.json';
import goal from './goal.json';
import impact from './impact.json';
import overview from './overview.json';
import plans from './plans.json';
import settings from './settings.json';
import apiKeys from './api-keys.json';
import ideas from './ideas.json';
import imports from './imports.json';
import levers from './levers.json';
import metrics from './metrics.json';
import notifications from './notifications.json';
import passwordReset from './password-reset.json';
import security from './security.json';
import surveys from './surveys.json';
import touchpoints from './touchpoints.json';
import weekly from './weekly.json';

const messages = {
  ...common,
  ...auth,
  ...overview,
  ...settings,
  ...goal,
  ...impact,
  ...plans,
  ...weekly,
  ...metrics,
  ...passwordReset,
  ...touchpoints,
  ...surveys,
  ...apiKeys,
  ...imports,
  ...security,
  ...notifications,
  ...ideas,
  ...levers,
};
export default messages;

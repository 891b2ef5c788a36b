// The English catalog, one file per area of the app so areas can change independently.
import auth from './auth.json';
import common from './common.json';
import goal from './goal.json';
import overview from './overview.json';
import plans from './plans.json';
import settings from './settings.json';
import weekly from './weekly.json';

const messages = { ...common, ...auth, ...overview, ...settings, ...goal, ...plans, ...weekly };
export default messages;

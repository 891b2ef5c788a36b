import { createTranslator } from 'next-intl';
import en from '@/messages/en/surveys.json';

// Only the survey catalog is loaded: the public page needs nothing else.
const catalogs = { en };
type SurveyLocale = keyof typeof catalogs;

/** The survey's texts in the organization's language, or English when that language has no catalog. */
export function surveyTranslator(locale: string | null | undefined) {
  const chosen: SurveyLocale = locale && locale in catalogs ? (locale as SurveyLocale) : 'en';
  return { locale: chosen, t: createTranslator({ locale: chosen, messages: catalogs[chosen], namespace: 'surveys' }) };
}

export type SurveyTranslator = ReturnType<typeof surveyTranslator>['t'];

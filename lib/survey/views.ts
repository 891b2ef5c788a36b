import { scales, type SurveyMetric } from '@/lib/domain/metrics';
import { SURVEY_COMMENT_MAX, type SurveyContext } from '@/lib/validation/survey-links';
import { escapeHtml as e, htmlDocument } from './html';
import type { SurveyTranslator } from './messages';

export interface OpenSurvey {
  organizationName: string;
  touchpointName: string;
  metric: SurveyMetric;
}

/** The one question of a survey, in the words of the catalog. */
export function questionOf(t: SurveyTranslator, survey: OpenSurvey): string {
  return t(`question.${survey.metric}`, { organization: survey.organizationName, touchpoint: survey.touchpointName });
}

interface FormState {
  score?: string;
  comment?: string;
  errors?: { score?: string; comment?: string };
}

/** The question, its scale as big buttons with labelled ends, an optional comment and a submit button. */
export function surveyFormPage({
  t,
  lang,
  token,
  survey,
  context,
  state = {},
}: {
  t: SurveyTranslator;
  lang: string;
  token: string;
  survey: OpenSurvey;
  context: SurveyContext;
  state?: FormState;
}): string {
  const { min, max } = scales[survey.metric];
  const question = questionOf(t, survey);
  const low = t(`ends.${survey.metric}.low`);
  const high = t(`ends.${survey.metric}.high`);
  const options: string[] = [];
  for (let score = min; score <= max; score++) {
    const end = score === min ? low : score === max ? high : null;
    const checked = state.score === String(score) ? ' checked' : '';
    options.push(
      `<div class="opt"><input type="radio" name="score" id="s${score}" value="${score}"${checked}>` +
        `<label for="s${score}">${score}${end ? `<span class="vh">, ${e(end)}</span>` : ''}</label></div>`,
    );
  }
  const errors = state.errors ?? {};
  const hidden = Object.entries(context)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${e(value ?? '')}">`)
    .join('');
  const commentDescribedBy = errors.comment ? 'comment-error comment-hint' : 'comment-hint';
  const body =
    `<p class="org">${e(survey.organizationName)}</p><div class="card">` +
    `<form method="post" action="/s/${e(token)}">${hidden}` +
    `<fieldset><legend><h1>${e(question)}</h1>` +
    (errors.score ? `<span class="err" id="score-error">${e(errors.score)}</span>` : '') +
    `</legend><div class="scale c${max - min + 1}">${options.join('')}</div>` +
    `<p class="ends" aria-hidden="true"><span>${e(low)}</span><span>${e(high)}</span></p></fieldset>` +
    `<label class="lbl" for="comment">${e(t('public.commentLabel'))}</label>` +
    `<p class="hint" id="comment-hint">${e(t('public.commentHint', { max: SURVEY_COMMENT_MAX }))}</p>` +
    (errors.comment ? `<p class="err" id="comment-error">${e(errors.comment)}</p>` : '') +
    `<textarea id="comment" name="comment" rows="4" maxlength="${SURVEY_COMMENT_MAX}" aria-describedby="${commentDescribedBy}"` +
    // The parser drops one newline right after <textarea>, so one is given to it: a comment's own first line survives.
    `${errors.comment ? ' aria-invalid="true"' : ''}>\n${e(state.comment ?? '')}</textarea>` +
    `<button type="submit">${e(t('public.submit'))}</button></form></div>`;
  const title = errors.score || errors.comment ? `${t('public.errorTitle')}: ${question}` : question;
  return htmlDocument({ lang, title, body });
}

/** A page with one heading and one sentence: thank-you, closed, too many answers, refused. */
export function messagePage({
  lang,
  organizationName,
  title,
  text,
}: {
  lang: string;
  organizationName?: string;
  title: string;
  text: string;
}): string {
  const org = organizationName ? `<p class="org">${e(organizationName)}</p>` : '';
  return htmlDocument({ lang, title, body: `${org}<div class="card"><h1>${e(title)}</h1><p>${e(text)}</p></div>` });
}

/**
 * The public micro-survey at /s/<token>, as functions of a database so they can be tested without a server:
 * each returns the status and the HTML (or the address to go to) that the route handler sends as it is.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { recordResponses } from '@/db/queries/responses';
import { findOpenSurvey } from '@/db/queries/survey-links';
import { takeAttempt } from '@/db/queries/throttle';
import { scales } from '@/lib/domain/metrics';
import type { ThrottlePolicy } from '@/lib/domain/throttle';
import { SURVEY_COMMENT_MAX, surveyAnswerSchema, surveyContextOf } from '@/lib/validation/survey-links';
import { surveyTranslator } from './messages';
import { isSurveyToken } from '@/lib/secrets/tokens';
import { messagePage, surveyFormPage } from './views';

export interface SurveyReply {
  status: number;
  html?: string;
  /** For 303: where the browser goes next. */
  location?: string;
  /** For 429: seconds until answers are accepted again. */
  retryAfter?: number;
}

/** Answers accepted per address in 10 minutes: enough for a family on one Wi-Fi, too few to stuff the ballot. */
export const SURVEY_THROTTLE: ThrottlePolicy = { maxAttempts: 30, windowMs: 10 * 60_000 };

async function openSurvey(db: Database, token: string) {
  return isSurveyToken(token) ? findOpenSurvey(db, token) : null;
}

/** The same page for an unknown, switched-off or replaced token, so nothing about the link leaks. */
export function closedReply(): SurveyReply {
  const { locale, t } = surveyTranslator(null);
  return {
    status: 404,
    html: messagePage({ lang: locale, title: t('public.closedTitle'), text: t('public.closedText') }),
  };
}

/** A refusal that is not about the answer (cross-site post, unreadable body), in plain words. */
export function refusedReply(kind: 'crossSite' | 'unreadable'): SurveyReply {
  const { locale, t } = surveyTranslator(null);
  const [title, text] =
    kind === 'crossSite'
      ? [t('public.refusedTitle'), t('public.refusedText')]
      : [t('public.unreadableTitle'), t('public.unreadableText')];
  return { status: kind === 'crossSite' ? 403 : 400, html: messagePage({ lang: locale, title, text }) };
}

/** GET: the question (persona, channel and external id from the query kept for the answer), or the thank-you. */
export async function showSurvey(db: Database, token: string, query: URLSearchParams): Promise<SurveyReply> {
  const survey = await openSurvey(db, token);
  if (!survey) return closedReply();
  const { locale, t } = surveyTranslator(survey.locale);
  if (query.has('thanks')) {
    const text = t('public.thanksText', { organization: survey.organizationName });
    return {
      status: 200,
      html: messagePage({
        lang: locale,
        organizationName: survey.organizationName,
        title: t('public.thanksTitle'),
        text,
      }),
    };
  }
  const context = surveyContextOf((name) => query.get(name));
  return { status: 200, html: surveyFormPage({ t, lang: locale, token, survey, context }) };
}

/**
 * POST: checks the token first (an unknown or closed link writes nothing, not even to the rate limiter), counts
 * the attempt against the sender's address, then stores a valid answer (and its rollup) in one transaction and
 * sends the browser to the thank-you page. An invalid answer shows the form again with the message next to the
 * question and what was typed kept; nothing is stored.
 */
export async function answerSurvey(
  db: Database,
  { token, form, clientKey, now = new Date() }: { token: string; form: URLSearchParams; clientKey: string; now?: Date },
): Promise<SurveyReply> {
  const survey = await openSurvey(db, token);
  if (!survey) return closedReply();
  const { locale, t } = surveyTranslator(survey.locale);
  const throttle = await takeAttempt(db, `survey:${clientKey}`, SURVEY_THROTTLE, now);
  if (!throttle.allowed) {
    const html = messagePage({ lang: locale, title: t('public.tooManyTitle'), text: t('public.tooManyText') });
    return { status: 429, html, retryAfter: throttle.retryAfterSeconds };
  }
  const context = surveyContextOf((name) => form.get(name));
  // Browsers send a textarea's line breaks as CRLF; count them as one character, like its maxlength does.
  const comment = (form.get('comment') ?? '').replace(/\r\n?/g, '\n');
  const parsed = surveyAnswerSchema(survey.metric).safeParse({ score: form.get('score') ?? undefined, comment });
  if (!parsed.success) {
    const { min, max } = scales[survey.metric];
    const errors: { score?: string; comment?: string } = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'comment' ? 'comment' : 'score';
      errors[field] ??=
        field === 'comment'
          ? t('public.commentTooLong', { max: SURVEY_COMMENT_MAX, length: comment.length })
          : t(issue.message === 'surveys.public.scoreRange' ? 'public.scoreRange' : 'public.scoreRequired', {
              min,
              max,
            });
    }
    const html = surveyFormPage({
      t,
      lang: locale,
      token,
      survey,
      context,
      state: { score: form.get('score') ?? undefined, comment, errors },
    });
    return { status: 422, html };
  }
  try {
    await db.transaction((tx) =>
      recordResponses(tx, { id: survey.organizationId, timeZone: survey.timeZone }, [
        {
          touchpointId: survey.touchpointId,
          metric: survey.metric,
          score: parsed.data.score,
          comment: parsed.data.comment,
          respondedAt: now,
          source: 'survey',
          // The link's own namespace: an `ext` anyone with the link can send never takes an id of the API.
          surveyLinkId: survey.linkId,
          externalId: context.ext ?? null,
          persona: context.persona ?? null,
          channel: context.channel ?? null,
        },
      ]),
    );
  } catch (error) {
    const requestId = randomUUID().slice(0, 8);
    console.error(`[request ${requestId}] survey answer`, error);
    return {
      status: 500,
      html: messagePage({ lang: locale, title: t('public.failedTitle'), text: t('public.errorText', { requestId }) }),
    };
  }
  // An external id re-sent to the same link is counted once; the customer sees the same thank-you either way.
  return { status: 303, location: `/s/${token}?thanks=1` };
}

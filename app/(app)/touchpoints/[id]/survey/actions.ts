'use server';

import { runAsMember } from '@/lib/auth/run';
import { createSurveyLink, rotateSurveyLink, setSurveyLinkEnabled } from '@/lib/commands/survey-links';

// Thin wrappers; the survey links page (and the touchpoint pages above it) refresh through revalidation.
const touchpointPages = ['/touchpoints'];
export const createSurveyLinkAction = async (input: unknown) => runAsMember(createSurveyLink, input, touchpointPages);
export const setSurveyLinkEnabledAction = async (input: unknown) =>
  runAsMember(setSurveyLinkEnabled, input, touchpointPages);
export const rotateSurveyLinkAction = async (input: unknown) => runAsMember(rotateSurveyLink, input, touchpointPages);

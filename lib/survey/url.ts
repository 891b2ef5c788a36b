/** The public address of a survey link, with optional persona, channel and external id. */
export function surveyUrl(origin: string, token: string, context: Record<string, string | undefined> = {}): string {
  const url = new URL(`/s/${token}`, origin);
  for (const [name, value] of Object.entries(context)) if (value?.trim()) url.searchParams.set(name, value.trim());
  return url.toString();
}

import { englishMessage } from '@/lib/i18n/english';

/** API replies are in English, from the same catalog as the app (lib/i18n/english.ts). */
export const apiMessage = englishMessage;

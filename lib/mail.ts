import 'server-only';
import { env } from './env';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Whether mail can be sent at all (SMTP_URL is set): without it, links are shown to copy instead. */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * Whether mail that anyone can set off without signing in ("forgot password") is sent: it needs APP_URL too, so its
 * link never takes its host from the request (a forged Host header would send the token to another site).
 */
export function publicMailConfigured(): boolean {
  const { SMTP_URL, APP_URL } = env();
  return Boolean(SMTP_URL && APP_URL);
}

/** Sends a plain-text mail when SMTP_URL is set; returns whether it was sent. A failure is logged, never thrown. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) return false;
  try {
    const { createTransport } = await import('nodemailer');
    await createTransport(SMTP_URL).sendMail({ from: SMTP_FROM, ...mail });
    return true;
  } catch (error) {
    console.error(`Could not send the mail "${mail.subject}":`, error);
    return false;
  }
}

/** Mails an invitation link when SMTP_URL is set; returns whether it was sent. The link is shown to copy either way. */
export function sendInvitationMail(to: string, link: string): Promise<boolean> {
  return sendMail({
    to,
    subject: 'You are invited to Touchpoint',
    text: `You have been invited to join your team on Touchpoint.\n\nAccept the invitation: ${link}\n\nThe link works for 7 days.`,
  });
}

/** Mails a password reset link when SMTP_URL is set; returns whether it was sent. */
export function sendPasswordResetMail(to: string, link: string, minutes: number): Promise<boolean> {
  return sendMail({
    to,
    subject: 'Choose a new Touchpoint password',
    text:
      `A link to choose a new password for your Touchpoint account (${to}) was issued.\n\n` +
      `Choose a new password: ${link}\n\n` +
      `The link works once, for ${minutes} minutes. If you did not ask for it, ignore this mail: ` +
      'your password stays as it is.',
  });
}

/** The link that confirms a sign-up's address and creates the account. */
export function confirmSignUpMail(to: string, link: string, hours: number): Mail {
  return {
    to,
    subject: 'Confirm your address to create your Touchpoint organization',
    text:
      `Someone (we hope you) asked to create a Touchpoint organization with this address.\n\n` +
      `Confirm and open Touchpoint: ${link}\n\n` +
      `The link works once, for ${hours} hours. If it was not you, ignore this mail: nothing is created.`,
  };
}

/** Sent instead of a confirmation when the address already has an account, so the sign-up page reveals nothing. */
export function addressTakenMail(to: string): Mail {
  return {
    to,
    subject: 'You already have a Touchpoint account',
    text:
      `Someone (we hope you) asked to create a Touchpoint organization with this address, which already has an ` +
      `account. Sign in with it instead; if you forgot your password, use "Forgot your password?" on the sign-in ` +
      `page. If it was not you, ignore this mail.`,
  };
}

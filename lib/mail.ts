import 'server-only';
import { env } from './env';

/** Mails an invitation link when SMTP_URL is set; returns whether it was sent. The link is shown to copy either way. */
export async function sendInvitationMail(to: string, link: string): Promise<boolean> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) return false;
  try {
    const { createTransport } = await import('nodemailer');
    await createTransport(SMTP_URL).sendMail({
      from: SMTP_FROM,
      to,
      subject: 'You are invited to Touchpoint',
      text: `You have been invited to join your team on Touchpoint.\n\nAccept the invitation: ${link}\n\nThe link works for 7 days.`,
    });
    return true;
  } catch (error) {
    console.error('Could not send the invitation mail:', error);
    return false;
  }
}

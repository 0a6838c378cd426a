import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  replyTo?: string | undefined;
}

/** What every Kadence e-mail is sent from: no-reply at the address people use. */
export const mailFrom = (publicUrl: string): string => `Kadence <no-reply@${new URL(publicUrl).hostname}>`;

/** Sends one e-mail over SMTP_URL; a transport per message, closed after it (invites are few). */
export type SendMail = (mail: Mail) => Promise<void>;

export function smtpMailer(smtpUrl: string, publicUrl: string): SendMail {
  return async (mail) => {
    const transport = nodemailer.createTransport(smtpUrl);
    try {
      await transport.sendMail({ from: mailFrom(publicUrl), ...mail });
    } finally {
      transport.close();
    }
  };
}

// The transport behind every mail: SMTP through nodemailer when SMTP_URL is set; otherwise
// (development) none, and the outbox table is the mailbox read at /dev/mails.
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

export interface Mailer {
  /** Null when there is no transport: the message stays in the outbox only. */
  deliver(message: MailMessage): Promise<{ messageId: string } | null>;
  close(): void;
}

export function createMailer(options: { smtpUrl?: string | undefined; from: string }): Mailer {
  if (!options.smtpUrl) return { deliver: async () => null, close: () => {} };
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async deliver(message) {
      const info = await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, html: message.html ?? undefined });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

import nodemailer, { type Transporter } from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail through the SMTP server of `SMTP_URL` (smtp:// or smtps://, credentials in the URL). */
export class EmailSender {
  readonly #transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Bounded timeouts: a hanging SMTP server must fail the job (and retry it), not hold the runner.
    const url = new URL(smtpUrl);
    for (const [key, value] of Object.entries({
      connectionTimeout: '15000',
      greetingTimeout: '15000',
      socketTimeout: '30000',
    })) {
      if (!url.searchParams.has(key)) url.searchParams.set(key, value);
    }
    this.#transport = nodemailer.createTransport(url.toString());
  }

  async send(message: EmailMessage): Promise<void> {
    await this.#transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
  }

  close(): void {
    this.#transport.close();
  }
}

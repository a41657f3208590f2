import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}

/** A real SMTP receiver on a free local port; tests read what the console delivered over the wire. */
export class SmtpInbox {
  readonly mails: ReceivedMail[] = [];
  private readonly waiters: Array<() => void> = [];
  private readonly server: SMTPServer;

  private constructor(private readonly onReceived?: (mail: ReceivedMail) => void) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          const mail = { to, ...parseMessage(Buffer.concat(chunks).toString('utf8')) };
          this.mails.push(mail);
          this.waiters.splice(0).forEach((wake) => wake());
          // Before the 250 goes out: a hook run after it raced the sender, which could read the answer
          // and mark its mail sent before a kill from here landed (one CI run in about thirty).
          this.onReceived?.(mail);
          callback();
        });
      },
    });
  }

  /**
   * `onReceived` runs once the server holds a whole mail, just before it answers 250: a test can kill
   * the sender there, and the sender has then certainly not marked the mail sent.
   */
  static async start(port = 0, options: { onReceived?: (mail: ReceivedMail) => void } = {}): Promise<SmtpInbox> {
    const inbox = new SmtpInbox(options.onReceived);
    await new Promise<void>((resolve, reject) => {
      inbox.server.once('error', reject);
      inbox.server.listen(port, '127.0.0.1', () => resolve());
    });
    return inbox;
  }

  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Waits until a mail to `address` matching `subject` has arrived; fails after `timeoutMs`. */
  async waitFor(address: string, subject: RegExp = /./, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.find((mail) => mail.to.includes(address) && subject.test(mail.subject));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no mail to ${address} matching ${subject} within ${timeoutMs} ms; got: ${this.mails.map((m) => `${m.to} ${m.subject}`).join('; ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Enough of RFC 5322/2045 for the single-part text mails the console sends: headers, quoted-printable or base64 body. */
export function parseMessage(raw: string): { subject: string; text: string; messageId: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headerBlock = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => headerBlock.split('\r\n').find((line) => line.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? '';
  const encoding = header('content-transfer-encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { subject: decodeEncodedWords(header('subject')), text: text.replace(/\r\n/g, '\n').trimEnd(), messageId: header('message-id') };
}

/** RFC 2047: a Hindi subject travels as =?UTF-8?B?…?= words (or Q); the space between two such words is not text. */
function decodeEncodedWords(value: string): string {
  const word = /=\?utf-8\?([bq])\?([^?]*)\?=/gi;
  const bytes = (encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of value.matchAll(word)) {
    const between = value.slice(last, match.index);
    if (last === 0 || between.trim() !== '') parts.push(Buffer.from(between, 'utf8'));
    parts.push(bytes(match[1] ?? 'b', match[2] ?? ''));
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(Buffer.from(value.slice(last), 'utf8'));
  return Buffer.concat(parts).toString('utf8');
}

/** The set-password link in a mail's text. */
export function linkIn(mail: ReceivedMail): string {
  const match = /https?:\/\/\S+\/set-password#token=[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no set-password link in mail "${mail.subject}":\n${mail.text}`);
  return match[0];
}

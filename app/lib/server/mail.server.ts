import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env.server";

let transport: Transporter | undefined;

/** Whether email can be sent (SMTP_URL is set). */
export function mailConfigured(): boolean {
  return env().SMTP_URL !== undefined;
}

/**
 * Sends a plain-text email through SMTP_URL. Returns false, without trying, when no mail
 * server is configured; throws when the server refuses it.
 */
export async function sendMail(message: {
  to: string;
  subject: string;
  text: string;
}): Promise<boolean> {
  const url = env().SMTP_URL;
  if (!url) return false;
  transport ??= nodemailer.createTransport(url);
  await transport.sendMail({ from: env().MAIL_FROM, ...message });
  return true;
}

/** Forgets the transport (tests that change SMTP_URL). */
export function resetMailTransport(): void {
  transport?.close();
  transport = undefined;
}

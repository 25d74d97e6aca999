import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { action as forgotAction } from "../../app/routes/hub.forgot-password";
import { action as staffAction } from "../../app/routes/hub.staff";
import { resetMailTransport } from "../../app/lib/server/mail.server";
import { openAppTestDatabase } from "../helpers/app-db";
import { routeArgs } from "../helpers/route-args";
import { createTestStaff, outcome, signInCookie, staffRequest } from "../helpers/staff";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on the loopback interface that keeps what it receives. */
let smtp: SMTPServer;
const received: Received[] = [];
let app: { close: () => Promise<void> };
let lead: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "DigIT Hub Sweden <noreply@digithub.example>";
  app = await openAppTestDatabase();
  await createTestStaff("lead@example.se", "hub_lead");
  lead = await signInCookie("lead@example.se");
});

afterAll(async () => {
  resetMailTransport();
  await app.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** The plain-text body of a message (nodemailer sends quoted-printable for non-ASCII). */
function bodyOf(raw: string): string {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join("\n\n");
  return body.replace(/=\r?\n/g, "").replace(/(=[0-9A-F]{2})+/g, (m) =>
    Buffer.from(
      m
        .split("=")
        .slice(1)
        .map((h) => parseInt(h, 16)),
    ).toString("utf8"),
  );
}

describe("email through SMTP_URL", () => {
  test("an invitation is emailed in the invitee's language with the same link shown once", async () => {
    const result = await outcome(() =>
      staffAction(
        routeArgs(
          staffRequest("/hub/staff", {
            cookie: lead,
            form: {
              intent: "invite",
              email: "ulla@example.se",
              name: "Ulla Ström",
              role: "adviser",
              language: "sv",
            },
          }),
        ),
      ),
    );
    const data = result.data as { url: string; emailed: boolean };
    expect(data.emailed).toBe(true);
    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail.to).toEqual(["ulla@example.se"]);
    expect(mail.from).toBe("noreply@digithub.example");
    expect(mail.raw).toMatch(
      /^Subject: =\?UTF-8\?Q\?Ditt_personalkonto_hos_DigIT_Hub_Sweden\?=|^Subject: Ditt personalkonto hos DigIT Hub Sweden/m,
    );
    const body = bodyOf(mail.raw);
    expect(body).toContain("Hej Ulla Ström!");
    expect(body).toContain(data.url);
    expect(body).toContain("72 timmar");
  });

  test("an English invitation is in English", async () => {
    received.length = 0;
    await staffAction(
      routeArgs(
        staffRequest("/hub/staff", {
          cookie: lead,
          form: {
            intent: "invite",
            email: "vera@example.se",
            name: "Vera",
            role: "adviser",
            language: "en",
          },
        }),
      ),
    );
    expect(received).toHaveLength(1);
    expect(received[0].raw).toMatch(/^Subject: Your staff account at DigIT Hub Sweden/m);
    expect(bodyOf(received[0].raw)).toContain("Choose your password here");
  });

  test("'forgot password' emails a reset link to an account, and says the same for an unknown email", async () => {
    await createTestStaff("walter@example.se", "adviser");
    received.length = 0;
    const ask = (email: string) =>
      outcome(() =>
        forgotAction(routeArgs(staffRequest("/hub/forgot-password", { form: { email } }))),
      );
    const known = await ask("walter@example.se");
    const unknown = await ask("nobody@example.se");
    expect(known).toMatchObject({ status: 200, data: { sent: true } });
    expect(unknown).toMatchObject({ status: 200, data: { sent: true } });
    expect(received.map((m) => m.to)).toEqual([["walter@example.se"]]);
    expect(bodyOf(received[0].raw)).toMatch(/\/hub\/set-password\/[A-Za-z0-9_-]{43}/);
    expect((await ask("not an email")).status).toBe(400);
  });

  test("'forgot password' is limited per address (429 with Retry-After) and per account (no more mail, the same answer)", async () => {
    await createTestStaff("xena@example.se", "adviser");
    received.length = 0;
    const ask = (email: string, clientAddress: string) =>
      outcome(() =>
        forgotAction(
          routeArgs(
            staffRequest("/hub/forgot-password", { form: { email } }),
            {},
            { clientAddress },
          ),
        ),
      );
    // Unknown emails count against the address as much as known ones.
    for (let i = 0; i < 5; i++) {
      expect((await ask(`nobody${i}@example.se`, "203.0.113.7")).status).toBe(200);
    }
    const refused = await ask("xena@example.se", "203.0.113.7");
    expect(refused).toMatchObject({ status: 429, data: { throttled: true, sent: false } });
    expect(Number(refused.headers?.get("Retry-After"))).toBeGreaterThan(60);
    expect(received).toHaveLength(0);
    // From five other addresses, the account gets three emails; every answer is the same.
    for (let i = 1; i <= 5; i++) {
      expect(await ask("xena@example.se", `198.51.100.${i}`)).toMatchObject({
        status: 200,
        data: { sent: true },
      });
    }
    expect(received.map((m) => m.to)).toEqual([
      ["xena@example.se"],
      ["xena@example.se"],
      ["xena@example.se"],
    ]);
  });
});

import { createRandom } from "../core/random";
import { DEMO_ACCOUNTS } from "./demo-staff.server";
import { database } from "./db.server";

// Fictional meeting notes, as a hub adviser would write them (in Swedish, the demo
// advisers' language).
const NOTES = [
  "Första möte med vd och produktionschef. De vill komma igång med datainsamling från maskinparken men vet inte var de ska börja.\nNästa steg: föreslå test före investering.",
  "Telefonsamtal: ekonomiansvarig frågade om finansiering för nytt affärssystem. Skickade länk till Vinnovas utlysningar.",
  "Workshop genomförd med ledningsgruppen. Stort intresse för AI i kundtjänsten, men oro för dataskydd. Boka uppföljning om GDPR.",
  "Besök på plats. Backup av kritiska data saknas helt utanför huset – tog upp det som första prioritet.",
  "De har anställt en IT-ansvarig sedan förra mötet. Bra läge att skicka T1 om ett par månader.",
  "Kort avstämning: utbildningen i cybersäkerhet uppskattades, tre till i personalen vill gå nästa omgång.",
  "Diskuterade energiuppföljning i fastigheterna. Kopplade ihop dem med en partner som gör mätpiloter.",
];

const TECHNOLOGY = ["data-cloud", "cybersecurity", "ai", "iot", "robotics"] as const;

/**
 * Gives the demo advisers' companies a lived-in workspace (notes from the advisers, for
 * about two thirds of their companies), and the hub's customers the services it delivered
 * against their top recommendations (dated between their T0 and their T1, or after the T0
 * when there is no T1 yet): most of the advisers' companies and of those that came back
 * for a T1, some of the others, so
 * that the dashboard's service demand and effect by category have something to show.
 * Deterministic.
 */
export async function seedDemoWorkspace(now = new Date()): Promise<void> {
  const random = createRandom(20261130);
  await seedDemoNotes(random, now);
  await seedDemoDeliveries(random, now);
}

async function seedDemoNotes(random: () => number, now: Date): Promise<void> {
  const { db } = database();
  for (const account of DEMO_ACCOUNTS.filter((a) => a.role === "adviser")) {
    const rows = await db
      .selectFrom("users as u")
      .innerJoin("company_assignments as ca", "ca.user_id", "u.id")
      .innerJoin("assessments as a", "a.company_id", "ca.company_id")
      .select(["u.id as userId", "ca.company_id", "a.submitted_at"])
      .where("u.email", "=", account.email)
      .where("a.stage", "=", "T0")
      .where("a.status", "=", "submitted")
      .orderBy("ca.company_id")
      .execute();
    for (const [i, row] of rows.entries()) {
      if (i % 3 === 2) continue;
      const t0 = row.submitted_at ?? now;
      const span = Math.max(1, now.getTime() - t0.getTime());
      const noteCount = 1 + Math.floor(random() * 3);
      for (let n = 0; n < noteCount; n++) {
        const at = new Date(t0.getTime() + span * ((n + 1) / (noteCount + 1)));
        await db
          .insertInto("company_notes")
          .values({
            company_id: row.company_id,
            author_id: row.userId,
            body: NOTES[Math.floor(random() * NOTES.length)],
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
    }
  }
}

async function seedDemoDeliveries(random: () => number, now: Date): Promise<void> {
  const { db } = database();
  // Every company's submitted T0 with its T1 (if any) and its first adviser (if any).
  const rows = await db
    .selectFrom("assessments as a")
    .leftJoin("assessments as t1", (join) =>
      join
        .onRef("t1.company_id", "=", "a.company_id")
        .onRef("t1.definition_id", "=", "a.definition_id")
        .on("t1.stage", "=", "T1")
        .on("t1.status", "=", "submitted"),
    )
    .select((eb) => [
      "a.company_id",
      "a.id as assessmentId",
      "a.submitted_at",
      "t1.submitted_at as t1SubmittedAt",
      eb
        .selectFrom("company_assignments as ca")
        .select("ca.user_id")
        .whereRef("ca.company_id", "=", "a.company_id")
        .orderBy("ca.assigned_at")
        .limit(1)
        .as("userId"),
    ])
    .where("a.stage", "=", "T0")
    .where("a.status", "=", "submitted")
    .orderBy("a.company_id")
    .execute();
  const partners = new Map(
    (await db.selectFrom("users").select(["id", "partner_id"]).execute()).map((u) => [
      u.id,
      u.partner_id,
    ]),
  );
  for (const row of rows) {
    const t0 = row.submitted_at ?? now;
    const until = row.t1SubmittedAt ?? now;
    // Advisers' own companies and those that came back are the ones the hub worked with.
    if (random() > (row.userId ? 0.75 : row.t1SubmittedAt ? 0.6 : 0.25)) continue;
    const span = Math.max(1, until.getTime() - t0.getTime());
    const top = await db
      .selectFrom("recommendations as r")
      .innerJoin("service_versions as v", "v.id", "r.service_version_id")
      .select(["r.rank", "v.id", "v.service_id", "v.name_sv", "v.category"])
      .where("r.assessment_id", "=", row.assessmentId)
      .orderBy("r.rank")
      .limit(2)
      .execute();
    for (const [k, service] of top.entries()) {
      if (k > 0 && random() < 0.5) continue;
      const start = new Date(t0.getTime() + span * (0.2 + 0.3 * k));
      const days = service.category === "training" ? 1 : 14 + Math.floor(random() * 40);
      const end = new Date(Math.min(now.getTime(), start.getTime() + days * 86400_000));
      await db
        .insertInto("delivered_services")
        .values({
          company_id: row.company_id,
          service_id: service.service_id,
          service_version_id: service.id,
          title: service.name_sv,
          category: service.category,
          technology_type: TECHNOLOGY[Math.floor(random() * TECHNOLOGY.length)],
          description: "",
          price_eur: service.category === "training" ? 400 : 2500 + Math.floor(random() * 8) * 500,
          attendees: service.category === "training" ? 3 + Math.floor(random() * 10) : null,
          start_date: start.toISOString().slice(0, 10),
          end_date: (end < start ? start : end).toISOString().slice(0, 10),
          partner_id: row.userId ? (partners.get(row.userId) ?? null) : null,
          recommendation_assessment_id: row.assessmentId,
          recommendation_rank: service.rank,
          created_by: row.userId,
        })
        .execute();
    }
  }
}

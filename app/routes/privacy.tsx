import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "../components/i18n";
import { getFixedT } from "../lib/server/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  return { title: `${t("privacy.title")} – ${t("app.name")}` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const SECTIONS = ["what", "who", "consent", "rights"] as const;

export default function Privacy() {
  const { t } = useTranslation();
  return (
    <article className="prose">
      <h1>{t("privacy.title")}</h1>
      <p>{t("privacy.intro")}</p>
      {SECTIONS.map((section) => (
        <section key={section}>
          <h2>{t(`privacy.${section}Title`)}</h2>
          <p>{t(`privacy.${section}`)}</p>
        </section>
      ))}
      <p>{t("privacy.contact")}</p>
    </article>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../components/i18n";
import { getHubConfig } from "../lib/server/hub.server";
import { getFixedT } from "../lib/server/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const { privacy, name } = getHubConfig();
  return { title: `${t("privacy.title")} – ${t("app.name")}`, privacy, hubName: name };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const SECTIONS = ["what", "who", "consent", "rights"] as const;

export default function Privacy() {
  const { t, lang } = useTranslation();
  const { privacy, hubName } = useLoaderData<typeof loader>();
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
      <section aria-labelledby="privacy-contact">
        <h2 id="privacy-contact">{t("privacyContact.title")}</h2>
        <p data-testid="privacy-contact">
          {t("privacyContact.text", { hub: hubName[lang], name: privacy.name[lang] })}{" "}
          <a href={`mailto:${privacy.email}`}>{privacy.email}</a>
        </p>
      </section>
    </article>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "../components/i18n";
import { getFixedT } from "../lib/server/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  return { title: `${t("app.name")} – ${t("app.tagline")}`, description: t("landing.lead") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Mognad" },
  { name: "description", content: data?.description ?? "" },
];

export default function Landing() {
  const { t } = useTranslation();
  return (
    <article className="landing">
      <header className="hero">
        <h1>{t("landing.title")}</h1>
        <p className="lead">{t("landing.lead")}</p>
        <p>
          <Link to="/start" className="button button--primary">
            {t("landing.cta")}
          </Link>
        </p>
      </header>
      <div className="cards">
        <section className="card" aria-labelledby="what-title">
          <h2 id="what-title">{t("landing.whatTitle")}</h2>
          <p>{t("landing.what")}</p>
        </section>
        <section className="card" aria-labelledby="time-title">
          <h2 id="time-title">{t("landing.timeTitle")}</h2>
          <p>{t("landing.time")}</p>
        </section>
        <section className="card" aria-labelledby="get-title">
          <h2 id="get-title">{t("landing.getTitle")}</h2>
          <p>{t("landing.get")}</p>
        </section>
      </div>
      <section className="card card--wide" aria-labelledby="pso-title">
        <h2 id="pso-title">{t("pso.landing.title")}</h2>
        <p>{t("pso.landing.text")}</p>
        <p>
          <Link to="/start?type=pso" className="button">
            {t("pso.landing.cta")}
          </Link>
        </p>
      </section>
      <p className="note">
        {t("landing.privacyNote")} <Link to="/privacy">{t("nav.privacy")}</Link>
      </p>
    </article>
  );
}

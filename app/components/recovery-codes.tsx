import { useTranslation } from "./i18n";

/** The one-time recovery codes, shown once after they are made. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="recovery-codes" role="status" data-testid="recovery-codes">
      <h3>{t("hub.secondFactor.codesTitle")}</h3>
      <p>{t("hub.secondFactor.codesIntro", { count: codes.length })}</p>
      <ol>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

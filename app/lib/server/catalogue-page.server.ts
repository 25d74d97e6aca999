/**
 * The service editor's page (/hub/services/new and /hub/services/:id): what its loader
 * shows and what its action does with a posted form (save, preview, add a rule,
 * deactivate, reactivate). Both routes use these, so the form works the same for a new
 * service and an edit.
 */
import { data, redirect } from "@remix-run/node";
import {
  EMPTY_RULE,
  formFields,
  formValuesOf,
  parseServiceForm,
  RevisionSchema,
  type FieldErrors,
  type ServiceFormValues,
} from "../core/catalogue-form";
import type { ServiceRule } from "../core/service-catalogue";
import type { Actor } from "../core/staff-policy";
import { getFixedT, getLanguage, translatorFor } from "./i18n.server";
import {
  catalogueChoices,
  catalogueEntry,
  catalogueRuleTargets,
  previewRules,
  publishedVersions,
  saveService,
  setServiceActive,
  type RulePreview,
  type SaveRefusal,
} from "./services.server";

/** A preview lined up with the form's rules: null for a rule that is not valid yet. */
export interface PreviewView extends Omit<RulePreview, "rules"> {
  rules: (number | null)[];
}

async function previewOf(rules: readonly (ServiceRule | undefined)[]): Promise<PreviewView> {
  const valid = rules.filter((r): r is ServiceRule => r !== undefined);
  const preview = await previewRules(valid);
  let next = 0;
  return { ...preview, rules: rules.map((r) => (r === undefined ? null : preview.rules[next++])) };
}

/** What the editor's action answers when it does not redirect. */
export interface EditorReply {
  values: ServiceFormValues;
  errors: FieldErrors;
  preview?: PreviewView;
  refusal?: SaveRefusal;
}

/** The editor's data: an existing service (`id`) or a new one. Throws 404 for an unknown id. */
export async function editorData(request: Request, id?: string) {
  const lang = await getLanguage(request);
  const t = await getFixedT(request);
  const entry = id === undefined ? undefined : await catalogueEntry(id);
  if (id !== undefined && !entry) throw new Response("Not found", { status: 404 });
  const values: ServiceFormValues = entry
    ? formValuesOf(entry.service)
    : {
        id: "",
        category: "",
        priority: "2",
        nameSv: "",
        nameEn: "",
        descriptionSv: "",
        descriptionEn: "",
        email: "",
        url: "",
        rules: [],
      };
  const name = entry ? entry.service.name[lang] : t("hub.services.new");
  return {
    title: `${name} – ${t("hub.services.title")} – ${t("app.name")}`,
    id: entry?.service.id ?? null,
    values,
    revision: entry?.revision ?? null,
    active: entry?.active ?? true,
    updatedAt: entry?.updatedAt ?? null,
    updatedBy: entry?.updatedBy ?? null,
    choices: catalogueChoices(lang, translatorFor(lang)),
    preview: entry ? await previewOf(entry.service.rules) : null,
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

const INTENTS = ["save", "preview", "add-rule", "deactivate", "reactivate"] as const;

/**
 * The editor's action. Saving redirects to the saved service; a refused save, a preview
 * or an added rule answers the form again with its errors, counts or extra rule.
 */
export async function editorAction(
  request: Request,
  by: { actor: Actor; ip: string | null },
  id?: string,
) {
  if (id !== undefined && !(await catalogueEntry(id))) {
    throw new Response("Not found", { status: 404 });
  }
  const form = await request.formData();
  const fields = formFields(form);
  const intent = INTENTS.find((i) => i === fields.get("intent")?.[0]) ?? "save";
  const revision = RevisionSchema.safeParse(fields.get("revision")?.[0]);
  if (id !== undefined && !revision.success) {
    throw new Response("The form lacks the revision it was made on.", { status: 400 });
  }
  if (intent === "deactivate" || intent === "reactivate") {
    if (id === undefined || !revision.success) throw new Response("Not found", { status: 404 });
    const done = await setServiceActive(id, intent === "reactivate", revision.data, by);
    if (done.ok) return redirect(`/hub/services/${id}?saved=${intent}d`);
    if (done.reason === "notFound") throw new Response("Not found", { status: 404 });
    const entry = await catalogueEntry(id);
    return data(
      {
        values: entry ? formValuesOf(entry.service) : undefined,
        errors: {},
        refusal: done.reason,
      },
      { status: 409 },
    );
  }
  const parsed = parseServiceForm(fields, catalogueRuleTargets(), publishedVersions(), id);
  if (intent === "preview" || intent === "add-rule") {
    const values = { ...parsed.values, rules: [...parsed.values.rules, EMPTY_RULE] };
    return {
      values,
      // A preview shows only the rules' own errors: the rest is not finished yet.
      errors: parsed.ok
        ? {}
        : Object.fromEntries(Object.entries(parsed.errors).filter(([k]) => k.startsWith("rules."))),
      preview: await previewOf([...parsed.rules, undefined]),
    } satisfies EditorReply;
  }
  if (!parsed.ok) {
    return data(
      {
        values: parsed.values,
        errors: parsed.errors,
        preview: await previewOf(parsed.rules),
      } satisfies EditorReply,
      { status: 400 },
    );
  }
  const saved = await saveService(
    parsed.service,
    id === undefined ? undefined : revision.success ? revision.data : undefined,
    by,
  );
  if (saved.ok) {
    return redirect(
      `/hub/services/${parsed.service.id}?saved=${id === undefined ? "created" : "saved"}`,
    );
  }
  if (saved.reason === "notFound") throw new Response("Not found", { status: 404 });
  const errors: FieldErrors = saved.reason === "idTaken" ? { id: "idTaken" } : {};
  return data(
    {
      values: parsed.values,
      errors,
      refusal: saved.reason,
      preview: await previewOf(parsed.rules),
    } satisfies EditorReply,
    { status: saved.reason === "unchanged" ? 200 : 409 },
  );
}

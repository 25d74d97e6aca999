import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { NOTE_MAX_LENGTH, type WorkspaceReply } from "../lib/core/adviser-forms";
import { formatStaffDate } from "../lib/view/dates";
import { useTranslation } from "./i18n";

/** A note as the company page lists it. */
export interface NoteItem {
  id: string;
  body: string;
  authorName: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  version: string;
  editable: boolean;
}

/** The error of `field` in a reply, in words, if any. */
export function useFieldError(reply: WorkspaceReply | undefined) {
  const { t } = useTranslation();
  return (field: string) =>
    reply && !reply.ok && reply.errors[field]
      ? t(`adviser.errors.${reply.errors[field]}`)
      : undefined;
}

/** The error text under a field, tied to it by id. */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} className="field__error">
      {text}
    </p>
  ) : null;
}

/**
 * The advisers' private notes on the company (never shown to the company): newest first,
 * plain text with line breaks; the author may edit a note for 24 hours.
 */
export function CompanyNotes({ companyId, notes }: { companyId: string; notes: NoteItem[] }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<WorkspaceReply>();
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = useFieldError(reply)("body");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (reply?.ok && reply.intent === "note.add") form.current?.reset();
  }, [reply]);
  return (
    <section aria-labelledby="notes-title" className="company-notes">
      <h2 id="notes-title">{t("adviser.notes.title")}</h2>
      <p className="note">{t("adviser.notes.privacy")}</p>
      <fetcher.Form method="post" action={`/hub/companies/${companyId}/workspace`} ref={form}>
        <input type="hidden" name="intent" value="note.add" />
        <div className="field">
          <label htmlFor="note-body">{t("adviser.notes.new")}</label>
          <textarea
            id="note-body"
            name="body"
            rows={4}
            maxLength={NOTE_MAX_LENGTH}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "note-body-error" : undefined}
          />
          <FieldError id="note-body-error" text={error} />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={fetcher.state !== "idle"}
        >
          {t("adviser.notes.add")}
        </button>
      </fetcher.Form>
      {notes.length === 0 ? (
        <p className="note" data-testid="no-notes">
          {t("adviser.notes.none")}
        </p>
      ) : (
        <ol className="note-list" data-testid="note-list">
          {notes.map((note) => (
            <NoteEntry key={note.id} companyId={companyId} note={note} />
          ))}
        </ol>
      )}
    </section>
  );
}

function NoteEntry({ companyId, note }: { companyId: string; note: NoteItem }) {
  const { t, lang } = useTranslation();
  const [editing, setEditing] = useState(false);
  const fetcher = useFetcher<WorkspaceReply>();
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const fieldError = useFieldError(reply);
  const error = fieldError("body") ?? fieldError("form") ?? fieldError("version");
  useEffect(() => {
    if (reply?.ok) setEditing(false);
  }, [reply]);
  const edited = new Date(note.updatedAt).getTime() - new Date(note.createdAt).getTime() > 1000;
  return (
    <li className="note-entry">
      <p className="note-entry__meta">
        {note.authorName ?? t("adviser.notes.formerStaff")} ·{" "}
        {formatStaffDate(lang, note.createdAt, "dateTime")}
        {edited ? ` · ${t("adviser.notes.edited")}` : ""}
      </p>
      {editing ? (
        <fetcher.Form method="post" action={`/hub/companies/${companyId}/workspace`}>
          <input type="hidden" name="intent" value="note.edit" />
          <input type="hidden" name="noteId" value={note.id} />
          <input type="hidden" name="version" value={note.version} />
          <div className="field">
            <label htmlFor={`note-${note.id}`}>{t("adviser.notes.editLabel")}</label>
            <textarea
              id={`note-${note.id}`}
              name="body"
              rows={4}
              maxLength={NOTE_MAX_LENGTH}
              defaultValue={note.body}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `note-${note.id}-error` : undefined}
            />
            <FieldError id={`note-${note.id}-error`} text={error} />
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary">
              {t("adviser.notes.save")}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t("adviser.notes.cancel")}
            </button>
          </div>
        </fetcher.Form>
      ) : (
        <>
          <p className="note-entry__body">{note.body}</p>
          {note.editable ? (
            <button type="button" className="button button--small" onClick={() => setEditing(true)}>
              {t("adviser.notes.edit")}
            </button>
          ) : null}
        </>
      )}
    </li>
  );
}

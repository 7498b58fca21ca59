import type { FieldErrors } from "../domain/user-form";
import { formatIndonesianPhone, telHref, whatsappHref } from "../domain/phone";
import { useI18n } from "../i18n/react";
import { ConfirmButton, PostForm, TextField } from "./forms";

export interface ContactRow {
  id: number;
  name: string;
  role: string | null;
  phone: string | null;
  whatsapp: number;
}

/** One contact's inputs, named `contacts.<key>.<field>` so several blocks can share a page. */
export function ContactFields({
  contactKey,
  values,
  errors,
}: {
  contactKey: string;
  values?: Partial<Record<"name" | "role" | "phone" | "whatsapp", string | number | null>>;
  errors?: FieldErrors;
}) {
  const { t } = useI18n();
  const field = (name: string) => `contacts.${contactKey}.${name}`;
  return (
    <div className="contact-fields">
      <TextField name={field("name")} label={t("markets.contactName")} error={errors?.[field("name")]} inputProps={{ defaultValue: values?.name ?? "", autoComplete: "off" }} />
      <TextField
        name={field("role")}
        label={t("markets.contactRole")}
        hint={t("markets.contactRoleHint")}
        error={errors?.[field("role")]}
        inputProps={{ defaultValue: values?.role ?? "" }}
      />
      <TextField
        name={field("phone")}
        label={t("markets.contactPhone")}
        hint={t("markets.contactPhoneHint")}
        error={errors?.[field("phone")]}
        inputProps={{ defaultValue: values?.phone ? formatIndonesianPhone(String(values.phone)) : "", type: "tel", autoComplete: "off" }}
      />
      <label className="check">
        <input type="checkbox" name={field("whatsapp")} value="1" defaultChecked={Boolean(Number(values?.whatsapp ?? 0))} />
        {t("markets.contactWhatsapp")}
      </label>
    </div>
  );
}

/** The contacts on the market page, with call and WhatsApp links. */
export function ContactList({ contacts }: { contacts: ContactRow[] }) {
  const { t } = useI18n();
  if (contacts.length === 0) return <p className="muted">{t("markets.contactsEmpty")}</p>;
  return (
    <ul className="plain-list contact-list">
      {contacts.map((contact) => (
        <li key={contact.id}>
          <strong>{contact.name}</strong>
          {contact.role ? <span className="muted"> · {contact.role}</span> : null}
          {contact.phone ? (
            <span className="contact-links">
              <a href={telHref(contact.phone)} aria-label={t("markets.call", { name: contact.name })}>
                {formatIndonesianPhone(contact.phone)}
              </a>
              {contact.whatsapp ? (
                <a href={whatsappHref(contact.phone)} target="_blank" rel="noreferrer" aria-label={t("markets.whatsappTo", { name: contact.name })}>
                  WhatsApp
                </a>
              ) : null}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The edit page's contacts: each can be changed or removed, and one more can be added. */
export function ContactEditor({ contacts, errors }: { contacts: ContactRow[]; errors?: FieldErrors }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t("markets.contacts")}</h2>
      {contacts.length === 0 ? <p className="muted">{t("markets.contactsEmpty")}</p> : null}
      {contacts.map((contact) => (
        <div key={contact.id} className="contact-card">
          <PostForm noValidate>
            <input type="hidden" name="intent" value="save-contact" />
            <input type="hidden" name="contactId" value={contact.id} />
            <ContactFields contactKey={String(contact.id)} values={contact} errors={errors} />
            <button type="submit">{t("markets.saveContact")}</button>
          </PostForm>
          <PostForm>
            <input type="hidden" name="intent" value="remove-contact" />
            <input type="hidden" name="contactId" value={contact.id} />
            <ConfirmButton className="danger" message={t("markets.removeContactConfirm")}>
              {t("markets.removeContact")}
            </ConfirmButton>
          </PostForm>
        </div>
      ))}
      {/* Remounts after each save so the "new contact" block starts empty again. */}
      <PostForm key={contacts.length} noValidate className="contact-card">
        <h3>{t("markets.addContact")}</h3>
        <input type="hidden" name="intent" value="save-contact" />
        <input type="hidden" name="contactId" value="new" />
        <ContactFields contactKey="new" errors={errors} />
        <button type="submit">{t("markets.addContact")}</button>
      </PostForm>
    </section>
  );
}

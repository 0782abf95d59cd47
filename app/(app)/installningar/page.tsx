import { getEnv } from "@/lib/env";
import type { Metadata } from "next";
import { EmailPreferenceForm } from "@/components/reminders/email-preference-form";
import { requireUser } from "@/lib/auth/session";
import { getEmailPreference } from "@/lib/reminders/queries";
import { changeOwnPasswordAction, saveEmailPreferenceAction } from "./actions";
import { NewPasswordForm } from "@/components/auth/password-forms";
import { Section } from "@/components/ui/section";
import { hasPassword } from "@/lib/users/queries";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/schemas";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Inställningar" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requireUser();
  const [preference, withPassword] = await Promise.all([getEmailPreference(user), hasPassword(user.id)]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        size="page"
        title="Inställningar"
        description={
          <>
          Årshjulet påminner dig med e-post om de uppgifter din roll ansvarar för. Påminnelserna skickas till {user.email}.
          </>
        }
      />
      <EmailPreferenceForm action={saveEmailPreferenceAction} current={preference} />
      <Section id="losenord" title="Byt lösenord">
        {withPassword ? (
          <>
            <p className="mt-1 text-slate-700">Du blir kvar inloggad här; på dina andra enheter loggas du ut.</p>
            <NewPasswordForm action={changeOwnPasswordAction} email={user.email} askCurrent minLength={PASSWORD_MIN_LENGTH} submitText="Byt lösenord" />
          </>
        ) : (
          <p className="mt-1 text-slate-700">Du loggar in med {getEnv().OIDC_DISPLAY_NAME} och har inget lösenord i Årshjulet.</p>
        )}
      </Section>
    </div>
  );
}

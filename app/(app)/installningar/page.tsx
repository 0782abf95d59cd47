import type { Metadata } from "next";
import { EmailPreferenceForm } from "@/components/reminders/email-preference-form";
import { requireUser } from "@/lib/auth/session";
import { getEmailPreference } from "@/lib/reminders/queries";
import { saveEmailPreferenceAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Inställningar" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requireUser();
  const preference = await getEmailPreference(user);
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
    </div>
  );
}

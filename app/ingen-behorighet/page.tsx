import { Link } from "@/components/ui/link";

export const metadata = { title: "Ingen behörighet" };

export default function NoAccessPage() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">Ingen behörighet</h1>
      <p className="mt-2">Din roll ger inte tillgång till den sidan. Behöver du den, kontakta administratören.</p>
      <p className="mt-2"><Link href="/" className="text-blue-800 underline">Till startsidan</Link></p>
    </div>
  );
}

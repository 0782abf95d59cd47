import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">Sidan finns inte</h1>
      <p className="mt-2">
        Adressen leder ingenstans. <Link href="/" className="text-blue-800 underline">Till startsidan</Link>
      </p>
    </div>
  );
}

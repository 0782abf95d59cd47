/** A share link that does not exist, was revoked or has expired: one answer for all, with no way into the app. */
export default function SharedWheelNotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-semibold">Länken finns inte</h1>
      <p className="mt-2">Länken till årshjulet finns inte eller gäller inte längre. Be den som delade den om en ny länk.</p>
    </div>
  );
}

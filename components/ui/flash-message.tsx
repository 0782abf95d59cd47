/** The result of the last form post, announced to screen readers (role=status / alert). */
export function FlashMessage({ message, error }: { message?: string; error?: boolean }) {
  if (!message) return <p role="status" className="sr-only" />;
  return (
    <p role={error ? "alert" : "status"}
      className={`rounded border p-3 ${error ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}>
      {message}
    </p>
  );
}

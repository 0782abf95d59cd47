/** What every page shows while the database cannot be reached (issue 34): the service is down, not the session. */
export function ServiceUnavailable() {
  return (
    <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-4">
      <h1 className="text-xl font-semibold text-amber-950">Årshjulet är tillfälligt otillgängligt</h1>
      <p className="mt-2">
        Tjänsten kan inte nå sin databas just nu. Du är inte utloggad och inget av det du sparat har försvunnit. Ladda om
        sidan om en stund; kvarstår felet, kontakta kommunens IT-support.
      </p>
    </div>
  );
}

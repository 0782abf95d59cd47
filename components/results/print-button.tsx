"use client";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded bg-blue-800 px-3 py-2 font-semibold text-white hover:bg-blue-900">
      Skriv ut eller spara som PDF
    </button>
  );
}

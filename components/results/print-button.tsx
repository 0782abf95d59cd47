"use client";

import { Button } from "@/components/ui/button";

export function PrintButton() {
  return (
    <Button onClick={() => window.print()} printable={false}>
      Skriv ut eller spara som PDF
    </Button>
  );
}

import { ButtonAnchor } from "@/components/ui/button";

/** The download buttons of a page's table: the Excel workbook and, where the page has one, the CSV file beside it. */
export function DownloadLinks({ excel, csv }: { excel: string; csv?: string }) {
  return (
    <div className="no-print flex flex-wrap gap-2" role="group" aria-label="Ladda ner">
      <ButtonAnchor href={excel} download variant="secondary" printable={false}>
        Ladda ner (Excel)
      </ButtonAnchor>
      {csv && (
        <ButtonAnchor href={csv} download variant="secondary" printable={false}>
          Ladda ner (CSV)
        </ButtonAnchor>
      )}
    </div>
  );
}

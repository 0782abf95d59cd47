/** A form post as a browser sends it to a server action: every value a text field (numbers written out) or a file. */
export function form(values: Record<string, string | number | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value instanceof Blob) data.set(name, value);
    else data.set(name, String(value));
  }
  return data;
}

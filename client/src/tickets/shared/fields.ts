/**
 * The server names a field by its path (`description`, `photos.3`, `place.address`); the form
 * shows each message under the part it belongs to.
 */
export type FormPart = 'kind' | 'category' | 'urgent' | 'description' | 'photos' | 'video' | 'place' | 'contactPhone' | 'public' | 'form';

export function partOf(path: string): FormPart {
  const head = path.split('.')[0] ?? '';
  const known: FormPart[] = ['kind', 'category', 'urgent', 'description', 'photos', 'video', 'place', 'contactPhone', 'public'];
  return (known as string[]).includes(head) ? (head as FormPart) : 'form';
}

/** The messages of `fields`, grouped by the part of the form they go under (the first per part wins). */
export function errorsByPart(fields: Record<string, string> | undefined): Partial<Record<FormPart, string>> {
  const out: Partial<Record<FormPart, string>> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const part = partOf(path);
    if (!out[part]) out[part] = message;
  }
  return out;
}

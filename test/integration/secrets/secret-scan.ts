import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The forms a secret takes on its way out: as is, URL-encoded, in a Basic header, in base64. */
export function secretForms(secret: string, basicUser: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(`${basicUser}:${secret}`).toString('base64'), Buffer.from(secret).toString('base64').replace(/=+$/, '')];
}

/** Texts (by name) that contain any of the forms. */
export function textsContaining(texts: Record<string, string>, forms: readonly string[]): string[] {
  return Object.entries(texts)
    .filter(([, text]) => forms.some((form) => text.includes(form)))
    .map(([name]) => name);
}

/** Every file under `dir`, as bytes read now (a live WAL included), by path. */
export async function filesUnder(dir: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path] = await readFile(path);
  }
  return files;
}

/** Files (by path) whose bytes contain any of the forms, as UTF-8 or UTF-16 (SQLite may use either). */
export function filesContaining(files: Record<string, Buffer>, forms: readonly string[]): string[] {
  return Object.entries(files)
    .filter(([, bytes]) => forms.some((form) => bytes.includes(Buffer.from(form, 'utf8')) || bytes.includes(Buffer.from(form, 'utf16le'))))
    .map(([path]) => path);
}

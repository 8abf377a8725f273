import type { DataSection, DataValue, MyDataExport } from '@bianmin/core';
import { formatDateTime } from '@bianmin/core/format';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?\+08:00$/;

/** One exported value as the page shows it: times in Beijing wall time, yes/no in words, lists joined. */
export function displayValue(v: DataValue): string {
  if (v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return INSTANT.test(v) ? formatDateTime(v) : v;
  if (Array.isArray(v)) return v.length ? v.map(displayValue).join('、') : '—';
  return Object.entries(v)
    .map(([k, x]) => `${k}: ${displayValue(x)}`)
    .join('；');
}

/** How many records the document holds in all. */
export function recordCount(doc: Pick<MyDataExport, 'sections'>): number {
  return doc.sections.reduce((n, s) => n + s.rows.length, 0);
}

/** The downloaded file's name: when it was exported, so two exports never overwrite each other. */
export function exportFileName(exportedAt: string): string {
  const stamp = exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `bianmin-my-data-${stamp}.json`;
}

/** The document as the file holds it: the same JSON the server sent, indented for a person to read. */
export function exportFileText(doc: MyDataExport): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The sections with something in them first (in the server's order), then the empty ones. */
export function sectionsInOrder(sections: readonly DataSection[]): DataSection[] {
  return [...sections.filter((s) => s.rows.length > 0), ...sections.filter((s) => s.rows.length === 0)];
}

/** Whether the typed word is the confirmation word (spaces around it are forgiven, as the server does). */
export function confirms(typed: string, word: string): boolean {
  return typed.trim() === word;
}

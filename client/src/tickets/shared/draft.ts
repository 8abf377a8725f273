import Taro from '@tarojs/taro';
import { TICKET_CATEGORIES, TICKET_KINDS, type TicketCategory, type TicketKind, type TicketPlace } from '@bianmin/core';

/** An uploaded photo or video, by the file id the Storage port gave it. */
export interface DraftFile {
  fileId: string;
  /** Where the phone can show it (a temp path or blob URL): may be gone after a restart. */
  preview: string;
  /** Videos only. */
  seconds?: number;
}

/** What the resident typed and chose, kept on the phone until the ticket is filed. */
export interface TicketDraft {
  /** Made once per draft: duplicate taps and retries of this draft file one ticket. */
  requestId: string;
  kind: TicketKind | null;
  category: TicketCategory | null;
  urgent: boolean;
  description: string;
  photos: DraftFile[];
  video: DraftFile | null;
  placeText: string;
  place: TicketPlace | null;
  contactPhone: string;
  public: boolean;
}

const KEY = 'bianmin.tickets.draft';

export function newRequestId(): string {
  let random = '';
  while (random.length < 20) random += Math.random().toString(36).slice(2);
  return `tkt_${Date.now().toString(36)}_${random.slice(0, 20)}`;
}

export function emptyDraft(kind: TicketKind | null = null): TicketDraft {
  return { requestId: newRequestId(), kind, category: null, urgent: false, description: '', photos: [], video: null, placeText: '', place: null, contactPhone: '', public: false };
}

/** Whether the resident has put anything into it (an untouched form is not worth keeping). */
export function hasContent(d: TicketDraft): boolean {
  return Boolean(d.category || d.description.trim() || d.photos.length || d.video || d.placeText.trim() || d.place || d.contactPhone.trim());
}

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const file = (v: unknown): DraftFile | null => {
  if (typeof v !== 'object' || v === null) return null;
  const f = v as Record<string, unknown>;
  if (typeof f.fileId !== 'string' || !f.fileId) return null;
  return { fileId: f.fileId, preview: str(f.preview, 2000), ...(typeof f.seconds === 'number' ? { seconds: f.seconds } : {}) };
};

/**
 * Reads a stored draft back, field by field: storage may hold an older shape or anything at all,
 * and a broken draft must not break the page (it is dropped, the form starts empty).
 */
export function parseDraft(raw: unknown): TicketDraft | null {
  if (typeof raw !== 'string' || !raw) return null;
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null || typeof v.requestId !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(v.requestId)) return null;
  const kind = (TICKET_KINDS as readonly unknown[]).includes(v.kind) ? (v.kind as TicketKind) : null;
  const category = (TICKET_CATEGORIES as readonly unknown[]).includes(v.category) ? (v.category as TicketCategory) : null;
  const place = typeof v.place === 'object' && v.place !== null && typeof (v.place as TicketPlace).address === 'string' ? (v.place as TicketPlace) : null;
  return {
    requestId: v.requestId,
    kind,
    category,
    urgent: v.urgent === true,
    description: str(v.description, 2000),
    photos: (Array.isArray(v.photos) ? v.photos : []).map(file).filter((f): f is DraftFile => f !== null).slice(0, 9),
    video: file(v.video),
    placeText: str(v.placeText, 200),
    place,
    contactPhone: str(v.contactPhone, 20),
    public: v.public === true,
  };
}

/** The phone's key–value storage (Taro's on both platforms; a Map in tests). */
export interface KeyValue {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: string): void;
  removeStorageSync(key: string): void;
}

/**
 * Taro's, each call written out: the h5 build rewrites `Taro.<api>(…)` calls into imports of
 * the APIs named, so an API reached only through `Taro` as a value is missing there.
 */
const TARO_KV: KeyValue = {
  getStorageSync: (key) => Taro.getStorageSync(key),
  setStorageSync: (key, value) => Taro.setStorageSync(key, value),
  removeStorageSync: (key) => Taro.removeStorageSync(key),
};

export function loadDraft(kv: KeyValue = TARO_KV): TicketDraft | null {
  try {
    return parseDraft(kv.getStorageSync(KEY));
  } catch {
    return null;
  }
}

export function saveDraft(d: TicketDraft, kv: KeyValue = TARO_KV): void {
  try {
    if (hasContent(d)) kv.setStorageSync(KEY, JSON.stringify(d));
    else kv.removeStorageSync(KEY);
  } catch {
    // Storage full or blocked: the form still works, the draft just is not kept.
  }
}

export function clearDraft(kv: KeyValue = TARO_KV): void {
  try {
    kv.removeStorageSync(KEY);
  } catch {
    // nothing kept, nothing to clear
  }
}

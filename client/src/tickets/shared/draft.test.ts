import { clearDraft, emptyDraft, hasContent, type KeyValue, loadDraft, parseDraft, saveDraft } from './draft';

function memory(): KeyValue {
  const m = new Map<string, string>();
  return { getStorageSync: (k) => m.get(k) ?? '', setStorageSync: (k, v) => void m.set(k, v), removeStorageSync: (k) => void m.delete(k) };
}

describe('the ticket draft kept on the phone', () => {
  let kv: KeyValue;
  beforeEach(() => (kv = memory()));

  it('makes one request id per draft, in the shape the server takes', () => {
    const a = emptyDraft();
    expect(a.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(emptyDraft().requestId).not.toBe(a.requestId);
  });

  it('keeps a draft with content and gives it back the same, request id included', () => {
    const d = { ...emptyDraft('投诉'), category: '城市管理' as const, description: '井盖缺失三天了', photos: [{ fileId: 'local://abc', preview: 'blob:x' }] };
    saveDraft(d, kv);
    expect(loadDraft(kv)).toEqual(d);
    clearDraft(kv);
    expect(loadDraft(kv)).toBeNull();
  });

  it('does not keep an untouched form, and removes a draft emptied again', () => {
    const d = { ...emptyDraft(), description: '有内容' };
    saveDraft(d, kv);
    expect(loadDraft(kv)).not.toBeNull();
    saveDraft({ ...d, description: '  ' }, kv);
    expect(hasContent({ ...d, description: '  ' })).toBe(false);
    expect(loadDraft(kv)).toBeNull();
  });

  it('drops what storage holds when it is not a draft, and unknown kinds and categories in one', () => {
    expect(parseDraft('{not json')).toBeNull();
    expect(parseDraft(JSON.stringify({ requestId: 'x' }))).toBeNull();
    expect(parseDraft(42)).toBeNull();
    const d = parseDraft(JSON.stringify({ requestId: 'tkt_abcdefgh', kind: '骂人', category: '火星', photos: [{ fileId: 1 }, { fileId: 'local://a' }], public: 'yes' }));
    expect(d).toMatchObject({ kind: null, category: null, photos: [{ fileId: 'local://a', preview: '' }], public: false, description: '' });
  });
});

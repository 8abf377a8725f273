import { useCallback, useEffect, useRef, useState } from 'react';
import type { CategoriesResult, TicketDetail, TicketKind } from '@bianmin/core';
import { callFunction, toApiError } from '../../../api';
import { clearDraft, type DraftFile, emptyDraft, loadDraft, saveDraft, type TicketDraft } from '../../shared/draft';
import { errorsByPart, type FormPart } from '../../shared/fields';
import { countChars } from '../../shared/format';
import { pickPhotos, pickVideo } from '../../shared/media';
import { uploadFile } from '../../shared/storage';
import { requestTicketSubscription, type SubscribeAnswer } from '../../shared/subscribe';
import { ticketTemplateId } from '../../shared/template';
import type { WxFailure } from '../../../privacy/refusal';

/** A photo on its way up: shown with its progress, or why it failed and a retry. */
export interface Upload {
  key: string;
  preview: string;
  what: 'photo' | 'video';
  progress: number;
  error: string | null;
  seconds?: number;
}

/** The filed ticket, and what the resident answered WeChat's prompt for its status messages. */
export type Outcome = { ticket: TicketDetail; saved: boolean; subscription: SubscribeAnswer };

async function reportSubscription(result: Exclude<SubscribeAnswer, 'unavailable'>): Promise<void> {
  try {
    await callFunction('tickets', { action: 'subscribed', templateId: ticketTemplateId(), result });
  } catch {
    // Best effort: the message centre has every status anyway.
  }
}

/**
 * The new-ticket form's state: the draft (kept on the phone at every change, so leaving the
 * page loses nothing; cleared once the ticket is filed), uploads in flight, server field errors,
 * and one submit per draft's requestId, however often it is tapped or retried.
 */
export function useTicketForm(initialKind: TicketKind | null) {
  const [draft, setDraft] = useState<TicketDraft>(() => {
    const kept = loadDraft();
    return kept ?? emptyDraft(initialKind);
  });
  const [restored] = useState(() => loadDraft() !== null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FormPart, string>>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** Why the last photo / video / map pick did not happen, when it was not the resident's own cancel. */
  const [refused, setRefused] = useState<WxFailure | null>(null);
  const done = useRef(false);

  useEffect(() => {
    if (!done.current) saveDraft(draft);
  }, [draft]);

  const change = useCallback((patch: Partial<TicketDraft>, clears?: FormPart) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (clears) setErrors((e) => (e[clears] ? { ...e, [clears]: undefined } : e));
  }, []);

  const upload = useCallback((u: Upload, filePath: string) => {
    setUploads((list) => [...list.filter((x) => x.key !== u.key), { ...u, progress: 0, error: null }]);
    const progress = (p: number) => setUploads((list) => list.map((x) => (x.key === u.key ? { ...x, progress: p } : x)));
    uploadFile({ filePath, what: u.what, onProgress: progress }).then(
      (fileId) => {
        setUploads((list) => list.filter((x) => x.key !== u.key));
        const file: DraftFile = { fileId, preview: u.preview, ...(u.seconds !== undefined ? { seconds: u.seconds } : {}) };
        if (u.what === 'video') change({ video: file }, 'video');
        else setDraft((d) => ({ ...d, photos: [...d.photos, file].slice(0, 9) }));
        setErrors((e) => ({ ...e, [u.what === 'video' ? 'video' : 'photos']: undefined }));
      },
      (e: unknown) => setUploads((list) => list.map((x) => (x.key === u.key ? { ...x, error: e instanceof Error ? e.message : '上传失败' } : x))),
    );
  }, [change]);

  const addPhotos = useCallback(
    async (max: number) => {
      const room = max - draft.photos.length - uploads.filter((u) => u.what === 'photo').length;
      if (room <= 0) {
        setErrors((e) => ({ ...e, photos: `最多上传 ${max} 张照片` }));
        return;
      }
      const picked = await pickPhotos(room);
      setRefused(picked.kind === 'picked' ? null : picked);
      if (picked.kind !== 'picked') return;
      picked.files.slice(0, room).forEach((f, i) => upload({ key: `p-${Date.now()}-${i}`, preview: f.path, what: 'photo', progress: 0, error: null }, f.path));
    },
    [draft.photos.length, uploads, upload],
  );

  const addVideo = useCallback(
    async (maxSeconds: number) => {
      const picked = await pickVideo(maxSeconds);
      setRefused(picked.kind === 'picked' ? null : picked);
      const video = picked.kind === 'picked' ? picked.files[0] : undefined;
      if (!video) return;
      const seconds = video.seconds ?? 0;
      // Checked here for speed; the function checks the real duration from the file itself.
      if (seconds > maxSeconds + 0.5) {
        setErrors((e) => ({ ...e, video: `视频不能超过 ${maxSeconds} 秒（这段约 ${Math.round(seconds)} 秒），请剪短后重新选择` }));
        return;
      }
      upload({ key: `v-${Date.now()}`, preview: video.path, what: 'video', progress: 0, error: null, ...(video.seconds !== undefined ? { seconds } : {}) }, video.path);
    },
    [upload],
  );

  const retryUpload = useCallback((u: Upload) => upload(u, u.preview), [upload]);
  const dropUpload = useCallback((key: string) => setUploads((list) => list.filter((x) => x.key !== key)), []);
  const removePhoto = useCallback((fileId: string) => setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.fileId !== fileId) })), []);

  const submit = useCallback(
    async (categories: CategoriesResult | null, onRefused: (e: unknown) => boolean) => {
      const local: Partial<Record<FormPart, string>> = {};
      if (!draft.kind) local.kind = '请选择诉求类型';
      if (!draft.category) local.category = '请选择诉求分类';
      if (uploads.some((u) => !u.error)) local.photos = '照片或视频还在上传，请稍候再提交';
      else if (uploads.length) local.photos = '有照片或视频没有传上去：请重试或删除后再提交';
      const limits = categories?.description ?? { min: 10, max: 1000 };
      const chars = countChars(draft.description);
      const stored = Array.from(draft.description.trim()).length;
      if (chars === 0) local.description = '请填写问题描述';
      else if (chars < limits.min) local.description = `问题描述至少 ${limits.min} 个字（现在 ${chars} 个）`;
      else if (stored > limits.max) local.description = `问题描述最多 ${limits.max} 个字（现在 ${stored} 个）`;
      if (Object.keys(local).length) {
        setErrors(local);
        return;
      }
      // From this tap, before anything is awaited: WeChat shows its subscribe prompt only then.
      const asking = requestTicketSubscription();
      const placeText = draft.placeText.trim();
      const place = draft.place ? { ...draft.place, ...(placeText ? { address: placeText } : {}) } : placeText ? { address: placeText } : undefined;
      const subscription = await asking;
      try {
        const r = await callFunction('tickets', {
          action: 'submit',
          kind: draft.kind!,
          category: draft.category!,
          urgent: draft.urgent,
          description: draft.description,
          photos: draft.photos.map((p) => p.fileId),
          ...(draft.video ? { video: draft.video.fileId } : {}),
          ...(place ? { place } : {}),
          ...(draft.contactPhone.trim() ? { contactPhone: draft.contactPhone.trim() } : {}),
          public: draft.public,
          requestId: draft.requestId,
        });
        done.current = true;
        clearDraft();
        setOutcome({ ...r, subscription });
      } catch (e) {
        if (onRefused(e)) return;
        const err = toApiError(e);
        const byPart = errorsByPart(err.fields);
        setErrors(Object.keys(byPart).length ? byPart : { form: err.message });
      } finally {
        // WeChat counted the answer whatever became of the ticket: the server counts it too. A lost
        // report costs one status message through WeChat, never the ticket.
        if (subscription !== 'unavailable') void reportSubscription(subscription);
      }
    },
    [draft, uploads],
  );

  const discard = useCallback(() => {
    clearDraft();
    setDraft(emptyDraft(initialKind));
    setUploads([]);
    setErrors({});
  }, [initialKind]);

  return { draft, restored, uploads, errors, outcome, refused, change, addPhotos, addVideo, retryUpload, dropUpload, removePhoto, submit, discard, setErrors };
}

import { errorsByPart, partOf } from './fields';

describe('server field errors on the ticket form', () => {
  it('puts each message under the part of the form it names', () => {
    expect(partOf('photos.3')).toBe('photos');
    expect(partOf('place.address')).toBe('place');
    expect(partOf('requestId')).toBe('form');
    expect(errorsByPart({ description: '问题描述至少 10 个字（现在 9 个）', 'photos.9': '最多上传 9 张照片', 'photos.2': '第 3 张照片不是图片' })).toEqual({
      description: '问题描述至少 10 个字（现在 9 个）',
      photos: '最多上传 9 张照片',
    });
    expect(errorsByPart(undefined)).toEqual({});
  });
});

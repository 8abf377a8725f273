import { act, fireEvent, render, screen } from '@testing-library/react';
import { Page } from '../ui';
import { SHEET_TAP_GUARD_MS } from '../ui/sheet/guard';
import { answerConsent, askConsent, type ConsentResolve } from './consent';
import { PrivacyConsentSheet } from './consent-sheet';

// jest resolves './agree-button' to the weapp file (WeChat's open-type button): the h5 one here.
jest.mock('./agree-button', () => jest.requireActual('./agree-button.h5'));

let now = 8_000_000;
let clock: jest.SpyInstance;
beforeEach(() => {
  clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => {
  act(() => answerConsent(false));
  clock.mockRestore();
});

function ask(api: string): jest.Mock<ReturnType<ConsentResolve>, Parameters<ConsentResolve>> {
  const resolve = jest.fn<ReturnType<ConsentResolve>, Parameters<ConsentResolve>>();
  act(() => askConsent(api, resolve));
  now += SHEET_TAP_GUARD_MS;
  return resolve;
}

describe('the privacy consent sheet', () => {
  it('shows nothing until a privacy API waits', () => {
    render(<Page overlay={<PrivacyConsentSheet />}>页面</Page>);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says what the waiting call needs and why, lists everything the app handles, and what refusing costs', () => {
    render(<Page overlay={<PrivacyConsentSheet />}>页面</Page>);
    const resolve = ask('chooseMedia');
    const dialog = screen.getByRole('dialog', { name: '便民隐私保护指引' });
    expect(dialog.textContent).toContain('添加照片和视频、拍行驶证识别车辆需要你同意《便民隐私保护指引》中的“选中的照片或视频信息”：用于在 12345 诉求里附上现场照片和视频');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent?.slice(0, 12))).toEqual([
      expect.stringContaining('选中的照片或视频信息'),
      expect.stringContaining('选择的位置信息'),
      expect.stringContaining('相册（仅写入）权限'),
    ]);
    expect(dialog.querySelector('.bm-privacy-sheet__item--asked')?.textContent).toContain('选中的照片或视频信息');
    expect(dialog.textContent).toContain('不同意也能继续缴费、查询和提交诉求，只是添加照片和视频、拍行驶证识别车辆用不了');
    // WeChat is told the sheet was shown.
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
  });

  it('answers agree from 同意 and closes', () => {
    render(<Page overlay={<PrivacyConsentSheet />}>页面</Page>);
    const resolve = ask('chooseLocation');
    fireEvent.click(screen.getByRole('button', { name: '同意《便民隐私保护指引》' }));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'bm-privacy-agree' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('answers disagree from 拒绝, from ✕ and from the mask alike', () => {
    render(<Page overlay={<PrivacyConsentSheet />}>页面</Page>);
    const byButton = ask('chooseMedia');
    fireEvent.click(screen.getByRole('button', { name: '拒绝，不提供这些信息' }));
    expect(byButton).toHaveBeenLastCalledWith({ event: 'disagree' });
    const byClose = ask('chooseMedia');
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(byClose).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('hides the page behind from screen readers while it asks', () => {
    const { container } = render(<Page overlay={<PrivacyConsentSheet />}>页面</Page>);
    ask('saveImageToPhotosAlbum');
    expect(container.querySelector('.bm-page__content')?.getAttribute('aria-hidden')).toBe('true');
  });
});

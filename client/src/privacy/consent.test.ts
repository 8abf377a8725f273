import { AGREE_BUTTON_ID, answerConsent, askConsent, exposeConsent, pendingConsent, subscribeConsent } from './consent';

describe('the consent between WeChat’s interception and the sheet', () => {
  afterEach(() => answerConsent(false));

  it('holds every waiting call until the resident answers, then answers them all: agree names the agree button', () => {
    const first = jest.fn();
    const second = jest.fn();
    const heard = jest.fn();
    const stop = subscribeConsent(heard);
    askConsent('chooseMedia', first);
    askConsent('chooseLocation', second);
    expect(pendingConsent()).toEqual({ api: 'chooseMedia' });
    exposeConsent();
    expect(first).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    answerConsent(true);
    expect(first).toHaveBeenLastCalledWith({ event: 'agree', buttonId: AGREE_BUTTON_ID });
    expect(second).toHaveBeenLastCalledWith({ event: 'agree', buttonId: AGREE_BUTTON_ID });
    expect(pendingConsent()).toBeNull();
    expect(heard).toHaveBeenCalledTimes(3);
    stop();
  });

  it('fails each waiting call on a refusal, and answers nothing twice', () => {
    const waiting = jest.fn();
    askConsent('saveImageToPhotosAlbum', waiting);
    answerConsent(false);
    answerConsent(true);
    expect(waiting).toHaveBeenCalledTimes(1);
    expect(waiting).toHaveBeenCalledWith({ event: 'disagree' });
  });
});

import { render } from '@testing-library/react';
import { Field } from '.';

describe('Field', () => {
  it('shows its label and names the input by it, with the rule said before typing', () => {
    const { container } = render(<Field label='其他金额（元）' rules='最低 ¥10.00' value='' onInput={() => undefined} inputClassName='amount' />);
    expect(container.querySelector('.bm-field__label')?.textContent).toBe('其他金额（元）');
    expect(container.querySelector('.bm-field__rules')?.textContent).toBe('最低 ¥10.00');
    const input = container.querySelector('.amount')!;
    expect(input.getAttribute('aria-label')).toBe('其他金额（元），最低 ¥10.00');
    expect(container.querySelector('.bm-field--invalid')).toBeNull();
  });

  it('says what is wrong under the input, announced, instead of the hint, and marks the field invalid', () => {
    const { container, rerender } = render(<Field label='户号' value='12' onInput={() => undefined} hint='户号在缴费单右上角' />);
    expect(container.querySelector('.bm-field__hint')?.textContent).toBe('户号在缴费单右上角');
    rerender(<Field label='户号' value='12' onInput={() => undefined} hint='户号在缴费单右上角' error='户号应为 10 位数字' errorClassName='account-error' />);
    const error = container.querySelector('.account-error')!;
    expect(error.textContent).toBe('户号应为 10 位数字');
    expect(error.getAttribute('role')).toBe('alert');
    expect(container.querySelector('.bm-field__hint')).toBeNull();
    expect(container.querySelector('.bm-field--invalid')).not.toBeNull();
  });

  it('draws a multi-line field in the same frame as a one-line one, with its count', () => {
    const { container } = render(<Field label='重办理由' multiline value='' onInput={() => undefined} count={{ text: '0/500 · 至少 5 字', ok: false }} />);
    expect(container.querySelector('.bm-field__input.bm-field__input--multiline')).not.toBeNull();
    expect(container.querySelector('.bm-field__count--bad')?.textContent).toBe('0/500 · 至少 5 字');
  });
});

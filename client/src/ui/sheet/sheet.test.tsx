import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Page } from '../page';
import { Button } from '../button';
import { Sheet } from './index';
import { SHEET_TAP_GUARD_MS } from './guard';

function Harness({ busy = false, onClose }: { busy?: boolean; onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  const close = () => {
    onClose?.();
    setOpen(false);
  };
  return (
    <Page
      overlay={
        <Sheet visible={open} title='确认缴费' onClose={close} busy={busy}>
          内容
        </Sheet>
      }
    >
      <button onClick={() => setOpen(true)}>打开</button>
    </Page>
  );
}

const content = (container: HTMLElement) => container.querySelector('.bm-page__content')!;

describe('Sheet', () => {
  it('is a modal dialog named by its title; the page behind is hidden from screen readers while it is open', () => {
    const { container } = render(<Harness />);
    expect(content(container).getAttribute('aria-hidden')).toBeNull();
    fireEvent.click(screen.getByText('打开'));
    const dialog = screen.getByRole('dialog', { name: '确认缴费' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(content(container).getAttribute('aria-hidden')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(content(container).getAttribute('aria-hidden')).toBeNull();
  });

  it('moves focus into itself on open and back to the opener on close', async () => {
    render(<Harness />);
    const opener = screen.getByText('打开');
    opener.focus();
    fireEvent.click(opener);
    // Once Taro's custom elements have hydrated (a hidden element cannot take focus).
    await waitFor(() => expect(document.activeElement === screen.getByRole('dialog')).toBe(true));
    act(() => {
      fireEvent.keyDown(document, { key: 'Escape' });
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement === opener).toBe(true);
  });

  it('cannot be dismissed while busy: no ✕, and Escape and the mask do nothing', () => {
    const onClose = jest.fn();
    const { container } = render(<Harness busy onClose={onClose} />);
    fireEvent.click(screen.getByText('打开'));
    expect(screen.queryByRole('button', { name: '关闭' })).toBeNull();
    fireEvent.keyDown(document, { key: 'Escape' });
    fireEvent.click(container.querySelector('.bm-sheet__mask')!);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('ignores taps on its buttons for 500 ms after it opens, so the second tap of a double tap confirms nothing', () => {
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const onConfirm = jest.fn();
      function Confirming() {
        const [open, setOpen] = useState(false);
        return (
          <Page overlay={<Sheet visible={open} title='确认缴费' onClose={() => setOpen(false)} actions={<Button onPress={onConfirm}>确认支付</Button>} />}>
            <button onClick={() => setOpen(true)}>立即缴费</button>
          </Page>
        );
      }
      render(<Confirming />);
      fireEvent.click(screen.getByText('立即缴费'));
      now += 150;
      fireEvent.click(screen.getByText('确认支付'));
      now += SHEET_TAP_GUARD_MS - 160;
      fireEvent.click(screen.getByText('确认支付'));
      expect(onConfirm).not.toHaveBeenCalled();
      expect(screen.getByRole('dialog')).toBeTruthy();
      now += 10;
      fireEvent.click(screen.getByText('确认支付'));
      expect(onConfirm).toHaveBeenCalledTimes(1);
    } finally {
      clock.mockRestore();
    }
  });

  it('guards again each time it reopens, and buttons outside a sheet answer at once', () => {
    let now = 5_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const onConfirm = jest.fn();
      const onOutside = jest.fn();
      function Confirming() {
        const [open, setOpen] = useState(false);
        return (
          <Page overlay={<Sheet visible={open} title='确认缴费' onClose={() => setOpen(false)} actions={<Button onPress={onConfirm}>确认支付</Button>} />}>
            <button onClick={() => setOpen(true)}>打开</button>
            <Button onPress={onOutside}>别处</Button>
          </Page>
        );
      }
      render(<Confirming />);
      fireEvent.click(screen.getByText('别处'));
      expect(onOutside).toHaveBeenCalledTimes(1);
      fireEvent.click(screen.getByText('打开'));
      now += SHEET_TAP_GUARD_MS;
      fireEvent.click(screen.getByText('确认支付'));
      expect(onConfirm).toHaveBeenCalledTimes(1);
      fireEvent.click(screen.getByRole('button', { name: '关闭' }));
      now += 60_000;
      fireEvent.click(screen.getByText('打开'));
      fireEvent.click(screen.getByText('确认支付'));
      expect(onConfirm).toHaveBeenCalledTimes(1);
    } finally {
      clock.mockRestore();
    }
  });

  it('shows its footnote between the scrolling body and the buttons, outside the body', () => {
    render(
      <Sheet visible title='确认缴费' onClose={() => undefined} footnote={<span>金额以缴费单位此刻的账单为准。</span>} actions={<Button onPress={() => undefined}>确认支付</Button>}>
        内容
      </Sheet>,
    );
    const note = screen.getByText('金额以缴费单位此刻的账单为准。');
    expect(note.closest('.bm-sheet__body')).toBeNull();
    const footnote = note.closest('.bm-sheet__footnote')!;
    expect(footnote.previousElementSibling!.className).toContain('bm-sheet__body');
    expect(footnote.nextElementSibling!.className).toContain('bm-sheet__actions');
  });
});

import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Page } from '../page';
import { Sheet } from './index';

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
});

import { act, fireEvent, render, screen } from '@testing-library/react';
import { Button } from './index';

describe('Button', () => {
  it('calls onPress on a tap and on Enter or Space from the keyboard', () => {
    const onPress = jest.fn();
    render(<Button onPress={onPress}>缴费</Button>);
    const button = screen.getByRole('button');
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: 'Enter' });
    fireEvent.keyDown(button, { key: ' ' });
    fireEvent.keyDown(button, { key: 'a' });
    expect(onPress).toHaveBeenCalledTimes(3);
    expect(button.getAttribute('tabindex')).toBe('0');
  });

  it('ignores repeat taps while the press it started is still running, then takes taps again', async () => {
    let finish: () => void = () => undefined;
    const onPress = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<Button onPress={onPress}>确认支付</Button>);
    const button = screen.getByRole('button');
    fireEvent.click(button);
    fireEvent.click(button);
    expect(onPress).toHaveBeenCalledTimes(1);
    expect(button.getAttribute('aria-busy')).toBe('true');
    await act(async () => finish());
    expect(button.getAttribute('aria-busy')).toBeNull();
    fireEvent.click(button);
    expect(onPress).toHaveBeenCalledTimes(2);
  });

  it('ignores taps while busy from outside and says so', () => {
    const onPress = jest.fn();
    render(<Button onPress={onPress} busy label='正在核实户号'>正在核实户号…</Button>);
    const button = screen.getByRole('button', { name: '正在核实户号' });
    fireEvent.click(button);
    expect(onPress).not.toHaveBeenCalled();
    expect(button.getAttribute('aria-disabled')).toBe('true');
  });

  it('announces a disabled button as unavailable but still explains on a tap', () => {
    const onPress = jest.fn();
    render(<Button onPress={onPress} disabled label='暂停缴费 · 00:30 恢复'>暂停缴费 · 00:30 恢复</Button>);
    const button = screen.getByRole('button');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(onPress).toHaveBeenCalledTimes(1);
  });

  it('does not pass a tap on to a pressable card around it', () => {
    const onCard = jest.fn();
    const onPress = jest.fn();
    render(
      <div onClick={onCard}>
        <Button onPress={onPress}>解绑</Button>
      </div>,
    );
    fireEvent.click(screen.getByRole('button'));
    expect(onPress).toHaveBeenCalled();
    expect(onCard).not.toHaveBeenCalled();
  });
});

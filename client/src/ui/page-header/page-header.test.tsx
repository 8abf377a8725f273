import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PageHeader } from './index';

describe('PageHeader', () => {
  it('titles the page as its level-1 heading', () => {
    render(<PageHeader title='缴费记录' subtitle='最新的在最前' />);
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('缴费记录');
  });

  it('offers 返回 on h5, back down the stack or to the hub when the page was opened directly', () => {
    const back = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'ok' } as never);
    const relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'ok' } as never);
    const pages = jest.spyOn(Taro, 'getCurrentPages');
    render(<PageHeader title='账单' />);
    pages.mockReturnValue([{}, {}] as never);
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    expect(back).toHaveBeenCalled();
    pages.mockReturnValue([{}] as never);
    fireEvent.keyDown(screen.getByRole('button', { name: '返回' }), { key: 'Enter' });
    expect(relaunch).toHaveBeenCalledWith({ url: '/pages/hub/index' });
  });

  it('has no 返回 where the page is the first (the hub)', () => {
    render(<PageHeader title='便民服务' back={false} />);
    expect(screen.queryByRole('button', { name: '返回' })).toBeNull();
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { providerForKind } from '@bianmin/core/providers';
import { DepartmentHotline } from './index';
import { DepartmentHotline as H5Hotline } from './index.h5';
import { spokenDigits } from './types';

const power = providerForKind('electricity');
const water = providerForKind('water');

describe('the department hotline', () => {
  it('on weapp, dials the company with WeChat’s call sheet from a labelled button', () => {
    const call = jest.fn().mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    const taro = Taro as unknown as { makePhoneCall: unknown };
    const original = taro.makePhoneCall;
    taro.makePhoneCall = call;
    render(<DepartmentHotline hotline={power.hotline} />);
    expect(screen.getByText('国家电网供电服务热线 95598')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '拨打 9 5 5 9 8，国家电网供电服务热线' }));
    expect(call).toHaveBeenCalledWith({ phoneNumber: '95598' });
    taro.makePhoneCall = original;
  });

  it('on h5, is a tel: link with the digits only, read out digit by digit', () => {
    render(<H5Hotline hotline={water.hotline} />);
    const link = screen.getByRole('link', { name: `拨打 ${spokenDigits(water.hotline.number)}，${water.hotline.name}` });
    expect(link.getAttribute('href')).toBe(`tel:${water.hotline.tel}`);
    expect(link.textContent).toBe(`拨打 ${water.hotline.number}`);
  });

  it('speaks an area-code number as digits, without the dash', () => {
    expect(spokenDigits('0755-82137777')).toBe('0 7 5 5 8 2 1 3 7 7 7 7');
  });
});

import { payServiceId } from './format';

describe('bills format', () => {
  it('names the pay service of each utility', () => {
    expect(payServiceId('gas')).toBe('bills.gas.pay');
  });

});

import { violationsHeader } from './header';

const car = { plateMasked: '粤B·1**45', plateKindName: '小型汽车', label: '', vehicleType: '小型轿车' };

describe('the violations page header', () => {
  it('keeps the plate in the title and drops "asking" once the traffic police refused (02:00–04:00)', () => {
    const h = violationsHeader({ vehicle: car, asking: false, refused: true, failed: false });
    expect(h.title).toBe('粤B·1**45 违法记录');
    expect(h.subtitle).not.toContain('正在向交警查询');
    expect(h.subtitle).toBe('小型汽车 · 小型轿车 · 暂时查不到');
  });

  it('says it is asking only while it is', () => {
    expect(violationsHeader({ vehicle: null, asking: true, refused: false, failed: false })).toEqual({ title: '违法记录', subtitle: '正在向交警查询…' });
    expect(violationsHeader({ vehicle: car, asking: false, refused: false, failed: false }).subtitle).toBe('小型汽车 · 小型轿车');
    expect(violationsHeader({ vehicle: null, asking: false, refused: true, failed: false })).toEqual({ title: '违法记录', subtitle: '违章查询暂停中' });
  });
});

import type { VehicleView } from '@bianmin/core';

/**
 * The violations page's header: the vehicle's plate in the title whatever the traffic police
 * answer (the plate is ours: `traffic.vehicles` reads our database, not theirs), and under it
 * what the page is doing — never "正在向交警查询…" once the answer is in, or refused.
 */
export function violationsHeader(s: { vehicle: Pick<VehicleView, 'plateMasked' | 'plateKindName' | 'label' | 'vehicleType'> | null; asking: boolean; refused: boolean; failed: boolean }): { title: string; subtitle: string } {
  const title = s.vehicle ? `${s.vehicle.plateMasked} 违法记录` : '违法记录';
  const what = s.vehicle ? `${s.vehicle.plateKindName} · ${s.vehicle.label || s.vehicle.vehicleType}` : '';
  if (s.refused) return { title, subtitle: what ? `${what} · 暂时查不到` : '违章查询暂停中' };
  if (s.failed) return { title, subtitle: what ? `${what} · 暂时查不到` : '违法记录暂时查不到' };
  if (s.asking) return { title, subtitle: '正在向交警查询…' };
  return { title, subtitle: what };
}

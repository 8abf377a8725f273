import { Text, View } from '@tarojs/components';
import type { ServiceListItem } from '@bianmin/core';
import { ServiceStatusBadge, describeAvailability } from '../../components/service-status-badge';

/** A glyph per catalogue icon: no image files in the main package, and it reads at any size. */
const ICONS: Record<string, { glyph: string; tone: string }> = {
  water: { glyph: '水', tone: 'water' },
  electricity: { glyph: '电', tone: 'power' },
  gas: { glyph: '气', tone: 'gas' },
  car: { glyph: '车', tone: 'traffic' },
  fine: { glyph: '罚', tone: 'fine' },
  insurance: { glyph: '保', tone: 'insurance' },
  ticket: { glyph: '诉', tone: 'ticket' },
  agent: { glyph: '客', tone: 'agent' },
};

export function serviceAriaLabel(s: ServiceListItem): string {
  const status = s.availability ? describeAvailability(s.availability).label.replace(/ · /g, '，') : '';
  return [s.name, s.departmentName, status].filter(Boolean).join('，');
}

interface ServiceTileProps {
  service: ServiceListItem;
  onOpen: (s: ServiceListItem) => void;
  /** The 办理时间 affordance: the week's hours and closures, whatever the state. */
  onInfo: (s: ServiceListItem) => void;
}

/**
 * One service: its name, department and live status in words. The 办理时间 (ⓘ) button sits
 * over the tile's corner as a sibling, not inside it, so neither a screen reader nor a tap
 * ever meets a button within a button.
 */
export function ServiceTile({ service, onOpen, onInfo }: ServiceTileProps) {
  const icon = ICONS[service.icon] ?? { glyph: Array.from(service.name)[0] ?? '办', tone: 'default' };
  const state = service.availability?.state ?? 'unknown';
  return (
    <View className='hub-service-cell'>
      <View
        className={`hub-service-tile hub-service-tile--${state}`}
        role='button'
        ariaRole='button'
        ariaLabel={serviceAriaLabel(service)}
        data-service-id={service.id}
        hoverClass='hub-service-tile--pressed'
        onClick={() => onOpen(service)}
      >
        <View className='hub-service-tile__head'>
          <View className={`hub-service-tile__icon hub-icon--${icon.tone}`} aria-hidden='true'>
            <Text>{icon.glyph}</Text>
          </View>
          <View className='hub-service-tile__body'>
            <Text className='hub-service-tile__name'>{service.name}</Text>
            <Text className='hub-service-tile__department'>{service.departmentName}</Text>
          </View>
        </View>
        {/* Live status slot: the availability the services function attaches to each service. */}
        {service.availability ? (
          <View className='hub-service-tile__status'>
            <ServiceStatusBadge availability={service.availability} />
          </View>
        ) : null}
      </View>
      <View
        className='hub-service-tile__info'
        role='button'
        ariaRole='button'
        ariaLabel={`${service.name}办理时间`}
        data-service-id={service.id}
        hoverClass='hub-service-tile__info--pressed'
        onClick={() => onInfo(service)}
      >
        <Text className='hub-service-tile__info-mark' aria-hidden='true'>
          i
        </Text>
      </View>
    </View>
  );
}

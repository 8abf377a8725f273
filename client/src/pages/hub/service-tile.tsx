import { Text, View } from '@tarojs/components';
import { COMING_SOON } from '@bianmin/core/availability/vocabulary';
import { ServiceStatusBadge } from '../../components/service-status-badge';
import { pressable } from '../../ui/press';
import { Tile } from '../../ui/tile';
import { tileLabel, type HubTile } from './group';

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

interface ServiceTileProps {
  tile: HubTile;
  onOpen(tile: HubTile): void;
  /** The 办理时间 affordance: the week's hours and closures, whatever the state. */
  onInfo(tile: HubTile): void;
}

/**
 * One tile: its name, department and live status in words, or 即将上线 when its flow is not
 * built yet (then no state and no ⓘ: nothing there can be used or reminded). The ⓘ sits over the
 * tile's corner as a sibling, not inside it, so neither a screen reader nor a tap ever meets a
 * button within a button.
 */
export function ServiceTile({ tile, onOpen, onInfo }: ServiceTileProps) {
  const icon = ICONS[tile.icon] ?? { glyph: Array.from(tile.name)[0] ?? '办', tone: 'default' };
  const state = tile.live ? (tile.availability?.state ?? 'unknown') : 'coming';
  return (
    <View className='bm-hub-service-cell'>
      <Tile
        className={`bm-hub-service-tile bm-hub-service-tile--${state}`}
        glyph={icon.glyph}
        tone={icon.tone}
        title={tile.name}
        subtitle={tile.departmentName}
        label={tileLabel(tile)}
        onPress={() => onOpen(tile)}
        data={{ 'data-service-id': tile.id, 'data-service-ids': tile.ids.join(' '), 'data-live': String(tile.live) }}
        status={
          tile.live && tile.availability ? (
            <ServiceStatusBadge availability={tile.availability} label={tile.status ?? undefined} className='bm-hub-service-tile__status' />
          ) : (
            <Text className='bm-hub-coming-soon'>{COMING_SOON}</Text>
          )
        }
      />
      {tile.live ? (
        <View
          className='bm-hub-service-tile__info bm-focusable'
          {...pressable(() => onInfo(tile))}
          ariaLabel={`${tile.name}办理时间`}
          data-service-id={tile.id}
          hoverClass='bm-hub-service-tile__info--pressed'
        >
          <Text className='bm-hub-service-tile__info-mark' aria-hidden='true'>
            i
          </Text>
        </View>
      ) : null}
    </View>
  );
}

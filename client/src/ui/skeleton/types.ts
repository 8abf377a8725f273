export interface SkeletonProps {
  /** Said and shown while loading: what is being loaded ("正在加载服务…"). */
  label: string;
  /** tiles: a grid of tiles (the hub); cards: stacked cards of lines (lists, a bill). @default 'cards' */
  shape?: 'tiles' | 'cards';
  /** How many groups of placeholders. @default 2 */
  count?: number;
  className?: string;
}

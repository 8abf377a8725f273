/** The client's UI kit: every page is built from these, styled only through app.css's tokens. */
export { Button, type ButtonProps } from './button';
export { Card, CardTitle, type CardProps } from './card';
export { ErrorCard, type ErrorCardProps } from './error-card';
export { Notice, type NoticeProps, type NoticeTone } from './notice';
export { Page, useModalLayer, type PageProps } from './page';
export { RemoteStatus, type RemoteLike, type RemoteStatusProps } from './remote-status';
export { RoundIcon } from './round-icon';
export { Row, type RowProps } from './row';
export { PageHeader, goBack, type PageHeaderProps } from './page-header';
export { Sheet, type SheetProps } from './sheet';
export { Skeleton, type SkeletonProps } from './skeleton';
export { StateView, type StateViewProps } from './state-view';
export { Tile, type TileProps } from './tile';
export { cx, pressable, type PressProps } from './press';
export { COLORS } from './tokens';

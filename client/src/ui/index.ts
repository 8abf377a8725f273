/**
 * The client's UI kit: every page is built from these, styled only through app.css's tokens.
 * Subpackages import this barrel; the main package (the hub and what it shows) imports each
 * component from its own folder, so that what only the flows use never ships in the package
 * every resident downloads first (each kit folder's CSS is a side effect webpack keeps).
 */
export { Amount } from './amount';
export { BottomBar } from './bottom-bar';
export { Button, type ButtonProps } from './button';
export { Card, CardTitle, type CardProps } from './card';
export { Choices, type Choice, type ChoicesProps } from './choices';
export { ErrorCard, type ErrorCardProps } from './error-card';
export { Field, FieldError, type FieldKeyboard, type FieldProps } from './field';
export { Fineprint } from './fineprint';
export { Glyph } from './glyph';
export { LinkRow, type LinkRowProps } from './link-row';
export { Notice, type NoticeProps, type NoticeTone } from './notice';
export { Page, useModalLayer, type PageProps } from './page';
export { PageBody } from './page/body';
export { RemoteStatus, type RemoteLike, type RemoteStatusProps } from './remote-status';
export { RoundIcon } from './round-icon';
export { Row, type RowProps } from './row';
export { Phrases, Whole } from './phrases';
export { PageHeader, goBack, type PageHeaderProps } from './page-header';
export { Sheet, type SheetProps } from './sheet';
export { Skeleton, type SkeletonProps } from './skeleton';
export { StateView, type StateViewProps } from './state-view';
export { StatusPill, type PillTone, type StatusPillProps } from './status-pill';
export { Tabs, type TabsProps } from './tabs';
export { TextAction } from './text-action';
export { Tile, type TileProps } from './tile';
export { cx, pressable, type PressProps } from './press';
export { COLORS } from './tokens';

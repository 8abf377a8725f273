export interface DevPanelProps {
  /** Called after the resident or the dev clock changed, so the page reloads as that caller. */
  onChange: () => void;
}

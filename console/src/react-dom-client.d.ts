// react-dom ships no types and the workspace carries no @types/react-dom: the one call the
// console makes, typed here.
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export function createRoot(container: Element): { render(children: ReactNode): void; unmount(): void };
}

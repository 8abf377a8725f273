import { type ReactNode, useEffect, useRef } from 'react';

/**
 * Names the form control inside it. TDesign React (1.18) puts an Input's or Select's extra props
 * (`id`, `aria-label`) on its wrapper <div>, never on the <input> a screen reader lands on, and
 * FormItem's `for` needs an input carrying that id: so the id (and, where the field's visible
 * label alone is not the name, an aria-label that contains it) is set on the input itself, and
 * set again whenever TDesign replaces the element (a Select's tag input re-renders it).
 */
export function Labelled({ id, label, children }: { id: string; label?: string; children: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    const apply = () => {
      const input = root.querySelector('input');
      if (!input) return;
      if (input.id !== id) input.id = id;
      if (label && input.getAttribute('aria-label') !== label) input.setAttribute('aria-label', label);
    };
    apply();
    // Only children are watched: the attributes set here do not trigger it again.
    const observer = new MutationObserver(apply);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [id, label]);
  return (
    <span ref={ref} className="bm-labelled">
      {children}
    </span>
  );
}

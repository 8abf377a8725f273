/** h5: no canvas on the page; save.h5.ts paints on one of its own. */
export function ReceiptCanvas() {
  return null;
}

import { Canvas } from '@tarojs/components';
import { RECEIPT_CANVAS_ID } from './save';
import './receipt-canvas.css';

/**
 * weapp: the `<canvas type="2d">` the receipt image is painted on before it is saved — off
 * screen, hidden from screen readers. The h5 build takes receipt-canvas.h5.tsx (nothing: the
 * browser paints on a canvas of its own).
 */
export function ReceiptCanvas() {
  return <Canvas type='2d' id={RECEIPT_CANVAS_ID} className='bm-receipt-canvas' aria-hidden='true' />;
}

import type { SandboxPaySheetProps } from './sandbox-types';

/**
 * weapp: WeChat Pay's own sheet takes the money (`Taro.requestPayment`); a deployed function
 * never answers with sandbox parameters, so there is nothing to show. The h5 build gets
 * sandbox-pay-sheet.h5.tsx instead (Taro picks the file by platform suffix).
 */
export function SandboxPaySheet(_props: SandboxPaySheetProps) {
  return null;
}

import { createContext, useContext } from 'react';

/**
 * How long a sheet's buttons ignore taps after it opens. The tap that opened a sheet often comes
 * with a second one (elderly residents double-tap; a sheet appears within ~150 ms), and it must
 * not confirm a payment the resident has not yet read.
 */
export const SHEET_TAP_GUARD_MS = 500;

/** True while the sheet around a button is too young to be tapped. Outside a sheet: never. */
export const SheetGuardContext = createContext<() => boolean>(() => false);

export const useSheetGuard = () => useContext(SheetGuardContext);

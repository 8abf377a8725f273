export interface ShareProps {
  code: string;
  /** What the helper will call the holder (妈妈): the card's title names them. */
  holderLabel: string;
}

import { Button } from '../ui/button';
import type * as Weapp from './agree-button';

/** h5: the kit's button stands in for WeChat's agreePrivacyAuthorization button. */
export const AgreeButton: typeof Weapp.AgreeButton = ({ onAgree }) => (
  <Button className='bm-sheet__main bm-privacy-sheet__agree' onPress={onAgree} label='同意《便民隐私保护指引》'>
    同意
  </Button>
);

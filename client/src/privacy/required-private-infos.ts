import { PRIVACY_USES } from './info-types';
import { LOCATION_APIS, type LocationApi } from './wechat-apis';

const isLocationApi = (api: string): api is LocationApi => (LOCATION_APIS as readonly string[]).includes(api);

/** app.json `requiredPrivateInfos`: the declared location APIs. */
export const REQUIRED_PRIVATE_INFOS: LocationApi[] = PRIVACY_USES.map((u) => u.api).filter(isLocationApi);

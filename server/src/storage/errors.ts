/** The storage could not answer in time (or at all): nothing is decided about the file. */
export class StorageUnavailable extends Error {
  override name = 'StorageUnavailable';
}

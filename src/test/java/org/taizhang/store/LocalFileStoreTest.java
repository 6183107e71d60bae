package org.taizhang.store;

import java.nio.file.Path;

/** The store in a local folder, the default. */
class LocalFileStoreTest extends FileStoreContract {
  @Override
  FileStore open(Path root) {
    return new FileStore(root);
  }
}

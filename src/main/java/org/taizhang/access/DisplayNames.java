package org.taizhang.access;

import java.util.Collection;
import java.util.Map;

/**
 * Display names for user names, for “退回人：王芳” rather than a login name. Names that are no account
 * (the importer, “系统”, an account since renamed away) stay as they are. Implemented by the
 * accounts; a feature below them in the module order asks through this interface.
 */
public interface DisplayNames {
  Map<String, String> of(Collection<String> usernames);
}

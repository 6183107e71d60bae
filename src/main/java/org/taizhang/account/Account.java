package org.taizhang.account;

import java.time.Instant;
import org.taizhang.access.Role;

/**
 * A person or script that signs in; {@code unitCode} binds clerks and district offices to their
 * node.
 */
public record Account(
    String username,
    String displayName,
    Role role,
    String unitCode,
    boolean enabled,
    Instant createdAt) {}

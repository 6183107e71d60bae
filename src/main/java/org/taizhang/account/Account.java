package org.taizhang.account;

import java.io.Serializable;
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
    Instant createdAt)
    // signed-in accounts live in the session, which the database keeps
    implements Serializable {}

package org.taizhang.account;

import java.time.Instant;

/** An API token as listed to its owner: its hash and label, never the token itself. */
public record ApiToken(
    String hash, String username, String label, Instant createdAt, Instant lastUsedAt) {}

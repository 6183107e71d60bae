package org.taizhang.audit;

import java.time.Instant;

/**
 * One recorded event.
 *
 * @param actor the user name, as given to {@link AuditLog#record}
 * @param address the client's address as the server saw it, or “本机” for work outside an HTTP
 *     request
 * @param target what was acted on, e.g. a document or a user name; may be null
 * @param detail free text; may be null
 */
public record AuditEvent(
    long id,
    Instant at,
    String actor,
    String address,
    AuditAction action,
    String target,
    String detail) {}

package org.taizhang.node;

import java.time.Instant;

/**
 * A node of the registry: its name, host, when it started and last beat, the search engine ({@code
 * embedded}, {@code solr}) and file store ({@code local}, {@code s3}) it runs with.
 */
public record Node(
    String name,
    String host,
    Instant startedAt,
    Instant lastSeen,
    String searchEngine,
    String store) {}

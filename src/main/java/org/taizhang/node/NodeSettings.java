package org.taizhang.node;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taizhang.node.*}: how this node is known to the others over the shared database.
 *
 * @param name the node's name in the registry; blank: the host name and the data directory, which
 *     stay the same across restarts, so a node that was killed and starts again is itself, not a
 *     second node
 * @param heartbeat how often the node says it is alive and extends its leases
 * @param timeout how long after its last heartbeat a node counts as gone and its leases lapse
 */
@ConfigurationProperties("taizhang.node")
public record NodeSettings(
    @DefaultValue("") String name,
    @DefaultValue("10s") Duration heartbeat,
    @DefaultValue("60s") Duration timeout) {}

package org.taizhang.rendition;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code taizhang.rendition.*}. {@code officeHome} is LibreOffice's installation
 * directory (unset: {@code /usr/lib/libreoffice}, Debian's, or the newest {@code
 * /opt/libreoffice*}); {@code timeout} limits one conversion; the office process is replaced after
 * {@code tasksPerProcess} conversions and stopped after {@code idleStop} without one, so an idle
 * service keeps no office resident; {@code background} converts uploads after they are
 * acknowledged, so catalogues know their page counts.
 */
@ConfigurationProperties("taizhang.rendition")
record RenditionProperties(
    Path officeHome,
    @DefaultValue("120s") Duration timeout,
    @DefaultValue("5m") Duration idleStop,
    @DefaultValue("200") int tasksPerProcess,
    @DefaultValue("true") boolean background) {}

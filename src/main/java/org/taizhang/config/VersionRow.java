package org.taizhang.config;

/** A version in a configuration's history, with whoever saved it by name. */
public record VersionRow(ConfigVersions.Version version, String by) {}

package org.taizhang.rendition;

/**
 * The office converter: whether it is usable here, its name, and if not, a Chinese sentence saying
 * what cannot be done without it (the admin page and the binder show it).
 */
public record Converter(boolean available, String name, String unavailableReason) {}

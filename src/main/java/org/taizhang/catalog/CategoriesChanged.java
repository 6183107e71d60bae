package org.taizhang.catalog;

/**
 * Published after a new category list came into force, so that what was built on the old one is
 * rebuilt.
 */
public record CategoriesChanged(int version) {}

package org.taizhang.unit;

/**
 * Published after units were added, renamed, moved, retyped, deactivated or reactivated, so that
 * views built on them follow.
 */
public record UnitsChanged() {}

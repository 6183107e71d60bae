package org.taizhang.unit;

/** A participating unit (参创单位) or an office node of the unit tree. */
public record Unit(String code, String name, String type, String parentCode) {}

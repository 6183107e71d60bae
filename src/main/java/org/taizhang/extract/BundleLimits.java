package org.taizhang.extract;

/**
 * How much of a bundle (a ZIP or 7z archive, or a mail's attachments) is unpacked: at most {@code
 * maxMembers} files and {@code maxTotalBytes} in all, each member at most {@code maxMemberBytes}
 * and, once past a megabyte, at most {@code maxRatio} times its compressed size; archives inside
 * archives down to {@code maxDepth} levels.
 */
public record BundleLimits(
    int maxMembers, long maxTotalBytes, long maxMemberBytes, int maxRatio, int maxDepth) {
  /** Below this many bytes a member is not judged by its compression ratio. */
  static final long RATIO_FLOOR = 1L << 20;
}

package org.filet.chatexport;

/**
 * Bounds that keep hostile uploads from exhausting memory or disk. All sizes are in bytes (or chars for lines).
 *
 * @param maxTextBytes largest chat text/JSON/CSV member that is read into memory
 * @param maxEntries largest number of entries in an archive
 * @param maxTotalUncompressed largest sum of uncompressed archive entry sizes
 * @param maxCompressionRatio largest uncompressed/compressed ratio of an archive entry (beyond 1 MiB)
 * @param maxLineChars longest line of a text export
 * @param maxJsonDepth deepest JSON nesting
 * @param maxJsonStringChars longest JSON string
 */
public record ImportLimits(
        long maxTextBytes,
        int maxEntries,
        long maxTotalUncompressed,
        int maxCompressionRatio,
        int maxLineChars,
        int maxJsonDepth,
        int maxJsonStringChars) {

    public static final ImportLimits DEFAULT =
            new ImportLimits(512L << 20, 100_000, 8L << 30, 200, 4 << 20, 64, 64 << 20);

    public ImportLimits {
        if (maxTextBytes <= 0
                || maxEntries <= 0
                || maxTotalUncompressed <= 0
                || maxCompressionRatio <= 1
                || maxLineChars <= 0
                || maxJsonDepth <= 1
                || maxJsonStringChars <= 0) {
            throw new IllegalArgumentException("every import limit must be positive (ratio and depth > 1)");
        }
    }

    public ImportLimits withMaxLineChars(int v) {
        return new ImportLimits(
                maxTextBytes,
                maxEntries,
                maxTotalUncompressed,
                maxCompressionRatio,
                v,
                maxJsonDepth,
                maxJsonStringChars);
    }

    public ImportLimits withMaxEntries(int v) {
        return new ImportLimits(
                maxTextBytes,
                v,
                maxTotalUncompressed,
                maxCompressionRatio,
                maxLineChars,
                maxJsonDepth,
                maxJsonStringChars);
    }

    public ImportLimits withMaxTotalUncompressed(long v) {
        return new ImportLimits(
                maxTextBytes, maxEntries, v, maxCompressionRatio, maxLineChars, maxJsonDepth, maxJsonStringChars);
    }
}

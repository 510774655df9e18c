package org.filet.chatexport.whatsapp;

/**
 * One scanned WhatsApp header. Date components are as written, in file order ({@code n1}, {@code n2}, {@code n3},
 * with their digit counts); {@code yearPos} (0, 1 or 2) is where the year sits. {@code era}: 0 Gregorian,
 * 1 Buddhist (BE), or the Japanese era letter. {@code ampm}: 0 none, 1 AM, 2 PM. {@code atStart}/{@code atEnd} delimit
 * the date and time as written; {@code bodyStart} is where the message begins.
 */
record Header(
        int n1,
        int n2,
        int n3,
        int len1,
        int len2,
        int len3,
        char dateSep,
        int yearPos,
        char era,
        int hour,
        int minute,
        int second,
        int ampm,
        boolean bracket,
        boolean dashSep,
        int atStart,
        int atEnd,
        int bodyStart) {

    /** Groups dates written the same way, so day/month order is inferred per shape. */
    int shape() {
        int yearLen = yearPos == 0 ? len1 : yearPos == 1 ? len2 : len3;
        return dateSep << 8 | yearPos << 5 | yearLen << 2 | (bracket ? 2 : 0) | (ampm != 0 ? 1 : 0);
    }

    static char shapeSep(int shape) {
        return (char) (shape >>> 8);
    }

    static int shapeYearPos(int shape) {
        return (shape >>> 5) & 7;
    }

    static int shapeYearLen(int shape) {
        return (shape >>> 2) & 7;
    }
}

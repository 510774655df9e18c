package org.filet.pdq.lists;

/** Column-name vocabulary of the PDQ CSV forms (ThreatExchange, HMA and pdq-tool exports). */
final class CsvColumns {

    private CsvColumns() {}

    static boolean looksLikeHash(String s) {
        return HashKind.PDQ.accepts(s);
    }

    /** The canonical name of a header column, or null for columns we ignore. */
    static String canonicalColumn(String name) {
        switch (name) {
            case "pdq":
            case "hash":
            case "signal_value":
            case "indicator":
            case "hash_value":
            case "pdq_hash":
                return "hash";
            case "id":
            case "hash_id":
            case "indicator_id":
            case "signal_id":
                return "id";
            case "category":
            case "tags":
            case "bank":
            case "label":
                return "category";
            case "quality":
                return "quality";
            case "signal_type":
            case "type":
                return "signal_type";
            default:
                return null;
        }
    }
}

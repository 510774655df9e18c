package org.filet.verify.sth;

import java.util.Base64;

/** RFC 7468 PEM in its strict form: one label, base64 in 64-character lines, LF line ends, nothing around it. */
public final class Pem {
    private Pem() {}

    public static String encode(String label, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
    }

    /** Decodes and requires the text to be exactly {@code encode(label, der)}, so each key has one spelling. */
    public static byte[] decodeStrict(String label, String text) throws TreeHeadException {
        String begin = "-----BEGIN " + label + "-----\n";
        String end = "-----END " + label + "-----\n";
        if (!text.startsWith(begin) || !text.endsWith(end) || text.length() < begin.length() + end.length() + 1) {
            throw new TreeHeadException("not a PEM " + label + " block");
        }
        String body = text.substring(begin.length(), text.length() - end.length());
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new TreeHeadException("PEM " + label + ": bad base64");
        }
        if (!encode(label, der).equals(text)) {
            throw new TreeHeadException("PEM " + label + ": not in canonical form (64-column base64, LF)");
        }
        return der;
    }
}

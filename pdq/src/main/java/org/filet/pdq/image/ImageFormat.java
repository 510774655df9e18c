package org.filet.pdq.image;

import java.util.Locale;
import java.util.Optional;

/** The image formats Filet decodes, recognised by their magic bytes (never by the file name). */
public enum ImageFormat {
    JPEG("jpeg", "jpg", "jpeg", "jpe", "jfif"),
    PNG("png", "png"),
    GIF("gif", "gif"),
    WEBP("webp", "webp");

    private final String imageIoName;
    private final String[] extensions;

    ImageFormat(String imageIoName, String... extensions) {
        this.imageIoName = imageIoName;
        this.extensions = extensions;
    }

    /** The javax.imageio format name. */
    String imageIoName() {
        return imageIoName;
    }

    /** The format whose signature starts {@code head}, if any: JPEG FF D8 FF, PNG's 8-byte signature, GIF87a/89a, RIFF…WEBP. */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, new int[] {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})) {
            return Optional.of(PNG);
        }
        if (startsWith(head, new int[] {'G', 'I', 'F', '8', '7', 'a'})
                || startsWith(head, new int[] {'G', 'I', 'F', '8', '9', 'a'})) {
            return Optional.of(GIF);
        }
        if (head.length >= 12
                && startsWith(head, new int[] {'R', 'I', 'F', 'F'})
                && head[8] == 'W'
                && head[9] == 'E'
                && head[10] == 'B'
                && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The format a file name's extension claims, if it is one of ours. */
    public static Optional<ImageFormat> fromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            for (String e : f.extensions) {
                if (e.equals(ext)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}

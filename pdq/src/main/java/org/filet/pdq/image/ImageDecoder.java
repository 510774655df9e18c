package org.filet.pdq.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes untrusted image bytes (JPEG, PNG, GIF, WebP) in bounded memory.
 *
 * <ul>
 *   <li>the format comes from the magic bytes; a file name claiming another format is reported, not trusted;</li>
 *   <li>width and height are read from the header first, and images above {@link #maxPixels()} are refused before
 *       any pixel buffer is allocated ({@link ImageTooLargeException});</li>
 *   <li>truncated or damaged data gives {@link CorruptImageException} instead of a half-grey picture;</li>
 *   <li>only the first frame (GIF) is decoded; metadata is ignored; nothing is cached on disk.</li>
 * </ul>
 *
 * Thread-safe (each call uses its own reader).
 */
public final class ImageDecoder {

    /** Default limit: 50 megapixels (a 8660×5773 photo); about 200 MB of raster at worst. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    /** Files above this many bytes are refused before reading. */
    public static final long DEFAULT_MAX_FILE_BYTES = 256L * 1024 * 1024;

    private final long maxPixels;
    private final long maxFileBytes;

    private ImageDecoder(long maxPixels, long maxFileBytes) {
        this.maxPixels = maxPixels;
        this.maxFileBytes = maxFileBytes;
    }

    /** A decoder with the default limits. */
    public static ImageDecoder withDefaults() {
        return new ImageDecoder(DEFAULT_MAX_PIXELS, DEFAULT_MAX_FILE_BYTES);
    }

    /** A decoder refusing images of more than {@code maxPixels} pixels (width × height). */
    public static ImageDecoder withMaxPixels(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        return new ImageDecoder(maxPixels, DEFAULT_MAX_FILE_BYTES);
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** Reads and decodes a file (its name is used only to report an extension that lies about the format). */
    public DecodedImage decode(Path file) throws IOException, ImageRejectedException {
        long size = Files.size(file);
        if (size > maxFileBytes) {
            throw new ImageTooLargeException("file has " + size + " bytes, above the limit of " + maxFileBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(size + 1, maxFileBytes + 1));
        }
        if (bytes.length > maxFileBytes) {
            throw new ImageTooLargeException("file grew above the limit of " + maxFileBytes + " bytes while reading");
        }
        Path name = file.getFileName();
        return decode(bytes, name == null ? null : name.toString());
    }

    /**
     * Decodes {@code bytes}.
     *
     * @param fileName the name the bytes came with, or null; only compared with the real format
     */
    public DecodedImage decode(byte[] bytes, String fileName) throws ImageRejectedException {
        ImageFormat format = ImageFormat.sniff(bytes)
                .orElseThrow(() ->
                        new UnsupportedImageFormatException("not a JPEG, PNG, GIF or WebP image (unknown magic bytes"
                                + ImageFormat.fromFileName(fileName)
                                        .map(f -> ", although named as " + f)
                                        .orElse("")
                                + ")"));
        ImageFormat named = ImageFormat.fromFileName(fileName).orElse(null);
        List<ImageReader> readers = readersFor(format);
        CorruptImageException first = null;
        for (ImageReader reader : readers) {
            try {
                return decodeWith(reader, bytes, format, named);
            } catch (CorruptImageException e) {
                // another installed decoder may cope (the JDK's JPEG reader refuses some CMYK files, TwelveMonkeys
                // does not); truncated data stays refused whatever the decoder
                if (first == null) {
                    first = e;
                }
                if (!e.otherDecoderMayCope()) {
                    break;
                }
            } finally {
                reader.dispose();
            }
        }
        throw first;
    }

    private DecodedImage decodeWith(ImageReader reader, byte[] bytes, ImageFormat format, ImageFormat named)
            throws ImageRejectedException {
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long w;
            long h;
            try {
                w = reader.getWidth(0);
                h = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw new CorruptImageException(format + " header cannot be read: " + describe(e), e);
            }
            if (w <= 0 || h <= 0) {
                throw new CorruptImageException(format + " header declares " + w + "x" + h, null);
            }
            if (w * h > maxPixels) {
                throw new ImageTooLargeException(w, h, maxPixels);
            }
            List<String> fatal = new ArrayList<>();
            reader.addIIOReadWarningListener(collector(warnings, fatal));
            BufferedImage image;
            try {
                image = reader.read(0);
            } catch (IOException | RuntimeException e) {
                throw new CorruptImageException(format + " data cannot be decoded: " + describe(e), e);
            }
            if (!fatal.isEmpty()) {
                throw new CorruptImageException(format + " data is incomplete: " + fatal.get(0), null, false);
            }
            if (image.getWidth() != w || image.getHeight() != h) {
                throw new CorruptImageException(
                        format + " decoded to " + image.getWidth() + "x" + image.getHeight()
                                + " but the header declares " + w + "x" + h,
                        null);
            }
            return new DecodedImage(image, format, named, warnings);
        } catch (IOException e) {
            throw new CorruptImageException(format + " cannot be read: " + describe(e), e);
        }
    }

    private static IIOReadWarningListener collector(List<String> warnings, List<String> fatal) {
        return (source, warning) -> {
            String w = warning == null ? "" : warning;
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.contains("premature end")
                    || lower.contains("truncat")
                    || lower.contains("corrupt")
                    || lower.contains("unexpected end")) {
                fatal.add(w);
            } else {
                warnings.add(w);
            }
        };
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    /**
     * The readers for a format, best first. For JPEG the JDK's own reader comes first: its pixels reproduce the
     * reference hashes exactly (TwelveMonkeys converts CMYK differently, 14 bits away on the test image); the
     * others are fallbacks for what it cannot decode.
     */
    static List<ImageReader> readersFor(ImageFormat format) throws UnsupportedImageFormatException {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.imageIoName());
        List<ImageReader> readers = new ArrayList<>();
        it.forEachRemaining(readers::add);
        if (readers.isEmpty()) {
            throw new UnsupportedImageFormatException("no decoder installed for " + format);
        }
        readers.sort(
                java.util.Comparator.comparingInt(r -> r.getClass().getName().startsWith(PREFERRED_PREFIX) ? 0 : 1));
        return readers;
    }

    private static final String PREFERRED_PREFIX = "com.sun.imageio.";
}

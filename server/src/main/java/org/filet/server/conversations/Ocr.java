package org.filet.server.conversations;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Optical character recognition with the Tesseract engine (Debian {@code tesseract-ocr}, French and English models),
 * run as a separate process on a picture that was first decoded within our own limits (a decompression bomb never
 * reaches it) and re-encoded as PNG. Returns the lines read with their boxes and, where the layout makes it clear,
 * the chat-bubble side (left: usually the other person; right: usually the phone's owner).
 */
final class Ocr {

    static final String ENGINE = "tesseract";
    private static final long TIMEOUT_SECONDS = 60;

    private Ocr() {}

    /** One line of text read, with its box in pixels and its side in the picture. */
    record Line(String text, int left, int top, int width, int height, String side, int confidence) {}

    /** Whether the engine is installed here. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("tesseract", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<Line> read(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Process p = new ProcessBuilder("tesseract", "stdin", "stdout", "-l", "fra+eng", "--psm", "3", "tsv")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread feeder = new Thread(
                () -> {
                    try (OutputStream in = p.getOutputStream()) {
                        png.writeTo(in);
                    } catch (IOException e) {
                        // the process ended early; its exit status says why
                    }
                },
                "ocr-feed");
        feeder.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("OCR took longer than " + TIMEOUT_SECONDS + " s");
            }
            feeder.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("OCR interrupted");
        }
        if (p.exitValue() != 0) {
            throw new IOException("OCR failed (exit " + p.exitValue() + ")");
        }
        return lines(new String(out, StandardCharsets.UTF_8), image.getWidth());
    }

    /** Groups Tesseract's TSV words into lines (block, paragraph, line), in reading order. */
    static List<Line> lines(String tsv, int imageWidth) {
        Map<String, List<String[]>> byLine = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5")) {
                continue; // level 5 = word
            }
            if (c[11].isBlank()) {
                continue;
            }
            byLine.computeIfAbsent(c[2] + "/" + c[3] + "/" + c[4], k -> new ArrayList<>())
                    .add(c);
        }
        List<Line> lines = new ArrayList<>();
        for (List<String[]> words : byLine.values()) {
            int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = 0, bottom = 0, conf = 0;
            StringBuilder text = new StringBuilder();
            for (String[] w : words) {
                int l = Integer.parseInt(w[6]),
                        t = Integer.parseInt(w[7]),
                        wd = Integer.parseInt(w[8]),
                        h = Integer.parseInt(w[9]);
                left = Math.min(left, l);
                top = Math.min(top, t);
                right = Math.max(right, l + wd);
                bottom = Math.max(bottom, t + h);
                conf += (int) Math.round(Double.parseDouble(w[10]));
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(w[11]);
            }
            lines.add(new Line(
                    text.toString(),
                    left,
                    top,
                    right - left,
                    bottom - top,
                    side(left, right, imageWidth),
                    conf / words.size()));
        }
        return lines;
    }

    static String side(int left, int right, int width) {
        if (width <= 0) {
            return "unknown";
        }
        double l = (double) left / width, r = (double) right / width;
        if (l < 0.3 && r < 0.7) {
            return "left";
        }
        if (l > 0.3 && r > 0.7) {
            return "right";
        }
        return "unknown";
    }
}

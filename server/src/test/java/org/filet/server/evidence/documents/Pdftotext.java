package org.filet.server.evidence.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The text of a PDF as poppler's {@code pdftotext} reads it (Debian {@code poppler-utils}): an extractor that is not
 * the library that wrote the file. Skips the test when the tool is absent, but fails under {@code CI=true}.
 */
public final class Pdftotext {

    private Pdftotext() {}

    public static String text(Path pdf) throws IOException, InterruptedException {
        boolean installed;
        try {
            Process probe = new ProcessBuilder("pdftotext", "-v")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            installed = probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            installed = false;
        }
        if (!installed) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("pdftotext (poppler-utils) is required under CI=true");
            }
            Assumptions.abort("pdftotext is not installed (Debian: poppler-utils): skipped");
        }
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("pdftotext failed on " + pdf);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}

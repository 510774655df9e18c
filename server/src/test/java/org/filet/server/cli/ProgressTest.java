package org.filet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void onATerminalItSaysDoneOfTotalTheRateAndTheTimeLeft() throws Exception {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        try (Progress p = Progress.to(new PrintStream(shown, true, StandardCharsets.UTF_8), "objets", 200)) {
            p.advance(50);
            Thread.sleep(300);
            p.advance(50);
            assertThat(p.line(System.nanoTime())).matches("objets 100/200 \\(50%\\), [0-9.,]+/s, [0-9]+ s left");
            p.advance(100);
        }
        String out = shown.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("\robjets 50/200 (25%)")
                .contains("\robjets 200/200 (100%)")
                .endsWith("\n");
        assertThat(out).doesNotContain("200/200 (100%), 0 s left");
    }

    @Test
    void piped_itSaysNothing() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Progress p = Progress.of("objets", 10)) { // the test runner has no console
            for (int i = 0; i < 10; i++) {
                p.step();
            }
        } finally {
            System.setErr(err);
        }
        assertThat(System.console()).isNull();
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}

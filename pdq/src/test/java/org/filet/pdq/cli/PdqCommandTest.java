package org.filet.pdq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.filet.pdq.PdqHasher;
import org.filet.pdq.PdqResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PdqCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new PdqCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void printsHashQualityAndPathPerImage() throws Exception {
        BufferedImage img = picture(200, 150);
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        ImageIO.write(img, "png", a.toFile());
        ImageIO.write(picture(120, 90), "png", b.toFile());
        int code = run(a.toString(), b.toString());
        assertThat(code).isEqualTo(PdqCommand.OK);
        String[] lines = out.toString().strip().split("\\R");
        assertThat(lines).hasSize(2);
        PdqResult expected = PdqHasher.hash(ImageIO.read(a.toFile()));
        assertThat(lines[0]).isEqualTo(expected.hash().toHex() + "," + expected.quality() + "," + a);
        assertThat(lines[1]).matches("[0-9a-f]{64},[0-9]{1,3}," + java.util.regex.Pattern.quote(b.toString()));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void badFilesAreReportedAndTheRestStillHashed() throws Exception {
        Path good = dir.resolve("good.png");
        ImageIO.write(picture(100, 80), "png", good.toFile());
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "just some text");
        Path missing = dir.resolve("missing.png");
        int code = run(text.toString(), missing.toString(), good.toString());
        assertThat(code).isEqualTo(PdqCommand.UNREADABLE);
        assertThat(out.toString().strip().split("\\R")).hasSize(1).allMatch(l -> l.endsWith(good.toString()));
        assertThat(err.toString())
                .contains(text + ": not a JPEG, PNG, GIF or WebP")
                .contains(missing + ": no such file");
    }

    @Test
    void refusesImagesAboveThePixelLimit() throws Exception {
        Path big = dir.resolve("big.png");
        ImageIO.write(picture(100, 100), "png", big.toFile());
        assertThat(run("--max-pixels", "9999", big.toString())).isEqualTo(PdqCommand.UNREADABLE);
        assertThat(err.toString()).contains("100x100").contains("9999");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void warnsWhenTheExtensionLies() throws Exception {
        Path png = dir.resolve("photo.jpg");
        ImageIO.write(picture(64, 64), "png", png.toFile());
        assertThat(run(png.toString())).isEqualTo(PdqCommand.OK);
        assertThat(err.toString()).contains("content is PNG, name says JPEG");
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertThat(run()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("IMAGE");
    }

    static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((x * 7) & 0xff) << 16 | ((y * 5) & 0xff) << 8 | ((x * y) & 0xff));
            }
        }
        return img;
    }
}

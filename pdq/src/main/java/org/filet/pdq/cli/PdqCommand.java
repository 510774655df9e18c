package org.filet.pdq.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.filet.pdq.PdqHasher;
import org.filet.pdq.PdqResult;
import org.filet.pdq.image.DecodedImage;
import org.filet.pdq.image.ImageDecoder;
import org.filet.pdq.image.ImageRejectedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pdq IMAGE…}: prints {@code hash,quality,path} per image (64 hex digits, quality 0–100). A file that cannot
 * be hashed is reported on stderr and the others are still processed; the exit code says whether all succeeded.
 */
@Command(
        name = "pdq",
        mixinStandardHelpOptions = true,
        description = "Computes the PDQ perceptual hash of images (JPEG, PNG, GIF, WebP).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every image was hashed", "2:at least one file could not be read or was refused"},
        footer = {
            "",
            "Output: one line per image, hash,quality,path. Quality below 50 means the hash is unreliable.",
            "Images are hashed as stored (EXIF orientation is not applied)."
        })
public final class PdqCommand implements Callable<Integer> {

    /** Exit code when every image was hashed. */
    public static final int OK = 0;
    /** Exit code when at least one file was unreadable or refused. */
    public static final int UNREADABLE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "image files to hash")
    List<Path> images;

    @Option(
            names = "--max-pixels",
            paramLabel = "N",
            defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS,
            description = "refuse images declaring more than N pixels (default: ${DEFAULT-VALUE})")
    long maxPixels;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxPixels < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-pixels must be positive");
        }
        ImageDecoder decoder = ImageDecoder.withMaxPixels(maxPixels);
        int failures = 0;
        for (Path image : images) {
            try {
                DecodedImage decoded = decoder.decode(image);
                if (decoded.extensionMismatch()) {
                    err.println("pdq: warning: " + image + ": content is " + decoded.format() + ", name says "
                            + decoded.nameFormat().orElseThrow());
                }
                PdqResult r = PdqHasher.hash(decoded.image());
                out.println(r.hash().toHex() + "," + r.quality() + "," + image);
            } catch (NoSuchFileException e) {
                failures++;
                err.println("pdq: " + image + ": no such file");
            } catch (IOException e) {
                failures++;
                err.println("pdq: " + image + ": cannot read (" + e.getClass().getSimpleName() + ")");
            } catch (ImageRejectedException e) {
                failures++;
                err.println("pdq: " + image + ": " + e.getMessage());
            }
            out.flush();
            err.flush();
        }
        return failures == 0 ? OK : UNREADABLE;
    }

    /** Runs the command without exiting (for embedding and tests). */
    public static int mainWithoutExit(String... args) {
        return new CommandLine(new PdqCommand()).execute(args);
    }

    public static void main(String... args) {
        System.exit(mainWithoutExit(args));
    }
}

package org.filet.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.filet.pdq.image.DecodedImage;
import org.filet.pdq.image.ImageDecoder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bit-exactness against the published vectors in {@code shared/data/pdq} (see its README):
 * <ul>
 *   <li>{@code expected/pdqhash-cpp-core_pillow.csv} (what HMA produces): 0 bits, every image, grey ones included;</li>
 *   <li>{@code generated/java-ref_jdk17-imageio.csv} (the Java reference): 0 bits on all 8 variants and the same
 *       quality for every 8-bit colour image.</li>
 * </ul>
 * Greyscale files differ from the Java reference by design (it converts grey through {@code getRGB}'s colour
 * management; we read R=G=B as pdqhash does): they must stay within {@link #GREY_TOLERANCE} bits of it for 8-bit
 * grey, and 16-bit grey follows Pillow's clipping, so it is checked only against pdqhash.
 */
class ReferenceVectorsTest {

    /** 8-bit grey vs the Java reference's getRGB colour conversion: measured 10–14 bits on photos, 26 on py-tx LA.png. */
    static final int GREY_TOLERANCE = 28;

    private static final Set<String> GREY_8BIT =
            Set.of("images/misc-images/modes/L.png", "images/misc-images/modes/LA.png", "pytx-resources/LA.png");
    private static final Set<String> GREY_16BIT = Set.of("pytx-resources/I16.png");

    private final ImageDecoder decoder = ImageDecoder.withDefaults();

    /** Reported as skipped, with the reason, when shared/data/pdq is absent (the factories then produce nothing). */
    @org.junit.jupiter.api.Test
    void referenceVectorFilesArePresent() {
        Path dir = SharedData.pdqDir();
        assertThat(dir.resolve("expected/pdqhash-cpp-core_pillow.csv")).isRegularFile();
        assertThat(dir.resolve("generated/java-ref_jdk17-imageio.csv")).isRegularFile();
    }

    @TestFactory
    Stream<DynamicTest> pdqhashPillowValuesExactly() throws Exception {
        Path dir = SharedData.pdqDir();
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : SharedData.csv(dir.resolve("expected/pdqhash-cpp-core_pillow.csv"))) {
            String image = row[0];
            tests.add(DynamicTest.dynamicTest(image, () -> {
                PdqResult r = hash(dir.resolve(image));
                assertThat(r.hash().toHex()).isEqualTo(row[1]);
                if (!row[2].isEmpty()) {
                    assertThat(r.quality()).isEqualTo(Integer.parseInt(row[2]));
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(18);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> javaReferenceAllVariantsExactly() throws Exception {
        Path dir = SharedData.pdqDir();
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : SharedData.csv(dir.resolve("generated/java-ref_jdk17-imageio.csv"))) {
            String image = row[0];
            if (row[1].startsWith("UNREADABLE") || GREY_16BIT.contains(image)) {
                continue;
            }
            boolean grey = GREY_8BIT.contains(image);
            tests.add(DynamicTest.dynamicTest(image + (grey ? " (grey, tolerance)" : ""), () -> {
                PdqResult r = hash(dir.resolve(image));
                assertThat(r.quality()).isEqualTo(Integer.parseInt(row[3]));
                for (Dihedral d : Dihedral.values()) {
                    PdqHash expected = PdqHash.parse(row[4 + d.ordinal()]);
                    int distance = r.variant(d).distanceTo(expected);
                    if (grey) {
                        assertThat(distance).as(d.name()).isBetween(1, GREY_TOLERANCE);
                    } else {
                        assertThat(distance).as(d.name()).isZero();
                    }
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(45);
        return tests.stream();
    }

    /** Formats the JDK cannot read (WebP colour modes): decodable, and within 10 bits (Meta's criterion) of the photo they were saved from. */
    @TestFactory
    Stream<DynamicTest> webpModesStayNearTheOriginal() throws Exception {
        Path dir = SharedData.pdqDir().resolve("images/misc-images/modes");
        PdqResult original = hash(dir.resolve("original.jpg"));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".webp"))
                    .sorted()
                    .forEach(p ->
                            tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                                PdqResult r = hash(p);
                                assertThat(r.quality()).isGreaterThanOrEqualTo(PdqResult.QUALITY_THRESHOLD);
                                assertThat(r.hash().distanceTo(original.hash())).isLessThanOrEqualTo(10);
                            })));
        }
        assumeTrue(!tests.isEmpty(), "no WebP files in " + dir);
        return tests.stream();
    }

    /** Each file is decoded and hashed once for the whole class (the 12-megapixel photos are slow to decode). */
    private static final java.util.Map<Path, PdqResult> HASHED = new java.util.concurrent.ConcurrentHashMap<>();

    private PdqResult hash(Path file) throws Exception {
        PdqResult cached = HASHED.get(file);
        if (cached != null) {
            return cached;
        }
        DecodedImage img = decoder.decode(file);
        PdqResult r = PdqHasher.hash(img.image());
        HASHED.put(file, r);
        return r;
    }
}

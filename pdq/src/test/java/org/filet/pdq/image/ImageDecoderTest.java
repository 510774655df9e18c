package org.filet.pdq.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.filet.pdq.PdqHasher;
import org.junit.jupiter.api.Test;

/** The image-bomb suite and format detection; every input is synthetic and generated here. */
class ImageDecoderTest {

    private final ImageDecoder decoder = ImageDecoder.withMaxPixels(4_000_000);

    @Test
    void refusesPngDeclaring100000x100000BeforeAllocating() throws Exception {
        byte[] bomb = pngWithHeader(100_000, 100_000, 1_000_000);
        long before = usedHeap();
        assertThatThrownBy(() -> decoder.decode(bomb, "bomb.png"))
                .isInstanceOfSatisfying(ImageTooLargeException.class, e -> {
                    assertThat(e.width()).isEqualTo(100_000);
                    assertThat(e.height()).isEqualTo(100_000);
                    assertThat(e.maxPixels()).isEqualTo(4_000_000);
                })
                .hasMessageContaining("100000x100000");
        // 10^10 pixels would need tens of GB; the refusal costs a few MB at most
        assertThat(usedHeap() - before).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void refusesJpegDeclaringHugeDimensions() throws Exception {
        byte[] jpeg = jpeg(64, 48);
        byte[] huge = withJpegSize(jpeg, 60_000, 60_000);
        assertThatThrownBy(() -> decoder.decode(huge, "x.jpg"))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("60000x60000");
    }

    @Test
    void refusesGifDeclaringHugeDimensions() {
        byte[] gif = {
            'G',
            'I',
            'F',
            '8',
            '9',
            'a',
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            0,
            0,
            0,
            0x2c,
            0,
            0,
            0,
            0,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            0,
            2,
            2,
            0x44,
            0x01,
            0,
            0x3b
        };
        assertThatThrownBy(() -> decoder.decode(gif, "x.gif"))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("65535x65535");
    }

    @Test
    void refusesWebpDeclaringHugeCanvas() {
        // RIFF/WEBP with a VP8X chunk declaring a 16384 x 16384 canvas and nothing else
        byte[] webp = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, webp, 0, 4);
        webp[4] = 22;
        System.arraycopy("WEBPVP8X".getBytes(), 0, webp, 8, 8);
        webp[16] = 10;
        int wm1 = 16383;
        webp[24] = (byte) wm1;
        webp[25] = (byte) (wm1 >>> 8);
        webp[27] = (byte) wm1;
        webp[28] = (byte) (wm1 >>> 8);
        assertThatThrownBy(() -> decoder.decode(webp, "x.webp"))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("16384x16384");
    }

    @Test
    void refusesFilesAboveTheByteLimitBeforeReadingThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path big = dir.resolve("big.png");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ImageDecoder.DEFAULT_MAX_FILE_BYTES + 1);
        }
        assertThatThrownBy(() -> decoder.decode(big))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("bytes");
        java.nio.file.Path small = dir.resolve("ok.jpg");
        java.nio.file.Files.write(small, jpeg(40, 30));
        assertThat(decoder.decode(small).width()).isEqualTo(40);
    }

    @Test
    void acceptsImagesUpToTheLimit() throws Exception {
        DecodedImage img = ImageDecoder.withMaxPixels(64 * 48).decode(jpeg(64, 48), "ok.jpg");
        assertThat(img.width()).isEqualTo(64);
        assertThat(img.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(img.extensionMismatch()).isFalse();
        assertThatThrownBy(() -> ImageDecoder.withMaxPixels(64 * 48 - 1).decode(jpeg(64, 48), "ok.jpg"))
                .isInstanceOf(ImageTooLargeException.class);
    }

    @Test
    void truncatedJpegIsCorruptNotHalfGrey() throws Exception {
        byte[] jpeg = jpeg(320, 240);
        for (int keep : new int[] {jpeg.length / 2, jpeg.length - 40, 200, 20, 3}) {
            byte[] cut = Arrays.copyOf(jpeg, keep);
            assertThatThrownBy(() -> decoder.decode(cut, "cut.jpg"))
                    .as("kept %d bytes", keep)
                    .isInstanceOf(CorruptImageException.class)
                    .hasMessageStartingWith("JPEG");
        }
    }

    @Test
    void truncatedPngIsCorrupt() throws Exception {
        byte[] png = encode(photoLike(200, 150), "png");
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> decoder.decode(cut, "cut.png")).isInstanceOf(CorruptImageException.class);
    }

    @Test
    void wrongMagicIsUnsupported() {
        byte[] text = "this is not an image, just text pretending".getBytes();
        assertThatThrownBy(() -> decoder.decode(text, "photo.jpg"))
                .isInstanceOf(UnsupportedImageFormatException.class)
                .hasMessageContaining("named as JPEG");
        byte[] bmp = {'B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> decoder.decode(bmp, null)).isInstanceOf(UnsupportedImageFormatException.class);
        assertThatThrownBy(() -> decoder.decode(new byte[0], "empty.png"))
                .isInstanceOf(UnsupportedImageFormatException.class);
    }

    @Test
    void reportsExtensionThatLiesAboutTheFormat() throws Exception {
        byte[] png = encode(photoLike(80, 60), "png");
        DecodedImage img = decoder.decode(png, "holiday.JPG");
        assertThat(img.format()).isEqualTo(ImageFormat.PNG);
        assertThat(img.nameFormat()).contains(ImageFormat.JPEG);
        assertThat(img.extensionMismatch()).isTrue();
        assertThat(decoder.decode(png, "holiday.png").extensionMismatch()).isFalse();
        assertThat(decoder.decode(png, "no-extension").nameFormat()).isEmpty();
    }

    @Test
    void decodesGifAndHashesLikeThePngOfTheSamePalette() throws Exception {
        BufferedImage indexed = new BufferedImage(120, 90, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.getGraphics().drawImage(photoLike(120, 90), 0, 0, null);
        DecodedImage gif = decoder.decode(encode(indexed, "gif"), "a.gif");
        DecodedImage png = decoder.decode(encode(indexed, "png"), "a.png");
        assertThat(gif.format()).isEqualTo(ImageFormat.GIF);
        assertThat(PdqHasher.hash(gif.image())).isEqualTo(PdqHasher.hash(png.image()));
    }

    @Test
    void sniffsEachSupportedFormat() {
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}))
                .contains(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}))
                .contains(ImageFormat.PNG);
        assertThat(ImageFormat.sniff("GIF89a".getBytes())).contains(ImageFormat.GIF);
        assertThat(ImageFormat.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes())).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes())).isEmpty();
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0xff, (byte) 0xd8})).isEmpty();
    }

    @Test
    void corruptWebpIsRejected() {
        byte[] webp =
                "RIFF\u0010\0\0\0WEBPVP8 \u0004\0\0\0\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> decoder.decode(webp, "x.webp")).isInstanceOf(ImageRejectedException.class);
    }

    // ---- synthetic inputs -------------------------------------------------------------------------------------

    static BufferedImage photoLike(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (int) (127 + 120 * Math.sin(x * 0.07) * Math.cos(y * 0.05));
                int g = (x * 255 / w + y) & 0xff;
                int b = (x ^ y) & 0xff;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    static byte[] jpeg(int w, int h) throws IOException {
        return encode(photoLike(w, h), "jpeg");
    }

    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    /** Rewrites the SOF0 frame size of a baseline JPEG. */
    static byte[] withJpegSize(byte[] jpeg, int w, int h) {
        byte[] out = jpeg.clone();
        for (int i = 2; i + 8 < out.length; i++) {
            if ((out[i] & 0xff) == 0xff && (out[i + 1] & 0xff) == 0xc0) {
                out[i + 5] = (byte) (h >>> 8);
                out[i + 6] = (byte) h;
                out[i + 7] = (byte) (w >>> 8);
                out[i + 8] = (byte) w;
                return out;
            }
        }
        throw new AssertionError("no SOF0 marker");
    }

    /** A PNG whose IHDR declares {@code w×h} grey pixels, followed by a little valid zlib data of zero rows. */
    static byte[] pngWithHeader(int w, int h, int zeroBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 0, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater z = new Deflater(9);
        z.setInput(new byte[zeroBytes]);
        z.finish();
        byte[] buf = new byte[zeroBytes];
        int n = z.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}

package org.filet.pdq;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Reads luma straight from a decoded image's raster (no {@code BufferedImage.getRGB} on the common layouts).
 *
 * <p>Decoding policy (PDQ.md §1), chosen so hashes agree with pdqhash/HMA and with the Java reference:
 * <ul>
 *   <li>RGB samples are used as stored: no colour management, alpha ignored (not composited);</li>
 *   <li>grey samples are used as R=G=B (no colour-space conversion);</li>
 *   <li>16-bit samples: colour channels keep their high byte, grey values are clipped at 255 (what Pillow's
 *       {@code I;16}→RGB conversion does, so 16-bit grey PNGs hash as pdqhash hashes them);</li>
 *   <li>palette images use their palette; any other layout goes through {@code getRGB} as the reference does.</li>
 * </ul>
 */
final class ImageLuma {

    private static final java.lang.invoke.VarHandle INT_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private ImageLuma() {}

    static LumaSource of(BufferedImage img) {
        Raster raster = img.getRaster();
        ColorModel cm = img.getColorModel();
        int w = img.getWidth();
        int h = img.getHeight();
        if (raster.getMinX() == 0
                && raster.getMinY() == 0
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0) {
            LumaSource fast = fast(raster, cm, w, h);
            if (fast != null) {
                return fast;
            }
        }
        return new ViaGetRgb(img);
    }

    private static LumaSource fast(Raster raster, ColorModel cm, int w, int h) {
        DataBuffer db = raster.getDataBuffer();
        if (cm instanceof ComponentColorModel
                && raster.getSampleModel() instanceof ComponentSampleModel
                && db.getNumBanks() == 1) {
            ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
            int csType = cm.getColorSpace().getType();
            int colours = cm.getNumColorComponents();
            boolean rgb = csType == ColorSpace.TYPE_RGB && colours == 3;
            boolean grey = csType == ColorSpace.TYPE_GRAY && colours == 1;
            if (!rgb && !grey) {
                return null;
            }
            for (int b = 0; b < sm.getNumBands(); b++) {
                if (sm.getBankIndices()[b] != 0) {
                    return null;
                }
            }
            int[] bandOffsets = sm.getBandOffsets();
            int base = db.getOffset();
            if (db instanceof DataBufferByte) {
                byte[] data = ((DataBufferByte) db).getData();
                return new Interleaved8(
                        w, h, data, base, sm.getScanlineStride(), sm.getPixelStride(), bandOffsets, grey);
            }
            if (db instanceof DataBufferUShort) {
                short[] data = ((DataBufferUShort) db).getData();
                return new Interleaved16(
                        w, h, data, base, sm.getScanlineStride(), sm.getPixelStride(), bandOffsets, grey);
            }
            return null;
        }
        if (cm instanceof DirectColorModel
                && db instanceof DataBufferInt
                && db.getNumBanks() == 1
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel
                && cm.getColorSpace().isCS_sRGB()
                && !cm.isAlphaPremultiplied()) {
            DirectColorModel dcm = (DirectColorModel) cm;
            if (dcm.getRedMask() == 0xff0000 && dcm.getGreenMask() == 0xff00 && dcm.getBlueMask() == 0xff) {
                SinglePixelPackedSampleModel sm = (SinglePixelPackedSampleModel) raster.getSampleModel();
                return new PackedIntRgb(
                        w, h, ((DataBufferInt) db).getData(), db.getOffset(), sm.getScanlineStride(), false);
            }
            if (dcm.getRedMask() == 0xff && dcm.getGreenMask() == 0xff00 && dcm.getBlueMask() == 0xff0000) {
                SinglePixelPackedSampleModel sm = (SinglePixelPackedSampleModel) raster.getSampleModel();
                return new PackedIntRgb(
                        w, h, ((DataBufferInt) db).getData(), db.getOffset(), sm.getScanlineStride(), true);
            }
            return null;
        }
        if (cm instanceof IndexColorModel) {
            return new Indexed(w, h, raster, (IndexColorModel) cm);
        }
        return null;
    }

    private abstract static class Sized implements LumaSource {
        final int w;
        final int h;

        Sized(int w, int h) {
            this.w = w;
            this.h = h;
        }

        @Override
        public int width() {
            return w;
        }

        @Override
        public int height() {
            return h;
        }
    }

    /** 8-bit interleaved RGB(A) or grey(+alpha) in one byte array. */
    private static final class Interleaved8 extends Sized {
        private final byte[] data;
        private final int base;
        private final int scanline;
        private final int pixelStride;
        private final int ro;
        private final int go;
        private final int bo;
        private final boolean grey;

        Interleaved8(
                int w, int h, byte[] data, int base, int scanline, int pixelStride, int[] bandOffsets, boolean grey) {
            super(w, h);
            this.data = data;
            this.base = base;
            this.scanline = scanline;
            this.pixelStride = pixelStride;
            this.grey = grey;
            this.ro = bandOffsets[0];
            this.go = grey ? bandOffsets[0] : bandOffsets[1];
            this.bo = grey ? bandOffsets[0] : bandOffsets[2];
        }

        @Override
        public void readRow(int y, float[] dst) {
            byte[] d = data;
            int row = base + y * scanline;
            int ps = pixelStride;
            float[] lr = LumaTables.RED;
            float[] lg = LumaTables.GREEN;
            float[] lb = LumaTables.BLUE;
            if (grey) {
                int g = row + ro;
                for (int x = 0; x < w; x++) {
                    int v = d[g + ps * x] & 0xff;
                    dst[x] = (lr[v] + lg[v]) + lb[v];
                }
            } else if (ps == 3 && ro == 2 && go == 1 && bo == 0 && row + 3 * w < d.length) {
                // TYPE_3BYTE_BGR, what JPEGs decode to: one little-endian int read per pixel (it takes the next
                // pixel's first byte too, hence the bound check above), channels picked out by constant shifts
                float[] lrg = LumaTables.RED_GREEN;
                for (int x = 0; x < w; x++) {
                    int v = (int) INT_LE.get(d, row + 3 * x);
                    dst[x] = lrg[(v >>> 8) & 0xffff] + lb[v & 0xff];
                }
            } else if (ps == 3) {
                int r = row + ro;
                int gg = row + go;
                int b = row + bo;
                for (int x = 0; x < w; x++) {
                    int p = 3 * x;
                    dst[x] = (lr[d[r + p] & 0xff] + lg[d[gg + p] & 0xff]) + lb[d[b + p] & 0xff];
                }
            } else {
                int r = row + ro;
                int gg = row + go;
                int b = row + bo;
                for (int x = 0; x < w; x++) {
                    int p = ps * x;
                    dst[x] = (lr[d[r + p] & 0xff] + lg[d[gg + p] & 0xff]) + lb[d[b + p] & 0xff];
                }
            }
        }
    }

    /** 16-bit interleaved samples: colour keeps the high byte, grey is clipped at 255 (Pillow's rule). */
    private static final class Interleaved16 extends Sized {
        private final short[] data;
        private final int base;
        private final int scanline;
        private final int pixelStride;
        private final int[] bandOffsets;
        private final boolean grey;

        Interleaved16(
                int w, int h, short[] data, int base, int scanline, int pixelStride, int[] bandOffsets, boolean grey) {
            super(w, h);
            this.data = data;
            this.base = base;
            this.scanline = scanline;
            this.pixelStride = pixelStride;
            this.bandOffsets = bandOffsets.clone();
            this.grey = grey;
        }

        @Override
        public void readRow(int y, float[] dst) {
            int p = base + y * scanline;
            for (int x = 0; x < w; x++, p += pixelStride) {
                if (grey) {
                    int v = Math.min(255, data[p + bandOffsets[0]] & 0xffff);
                    dst[x] = LumaSource.luma(v, v, v);
                } else {
                    int r = (data[p + bandOffsets[0]] & 0xffff) >>> 8;
                    int g = (data[p + bandOffsets[1]] & 0xffff) >>> 8;
                    int b = (data[p + bandOffsets[2]] & 0xffff) >>> 8;
                    dst[x] = LumaSource.luma(r, g, b);
                }
            }
        }
    }

    /** INT_RGB / INT_ARGB (or the BGR order). */
    private static final class PackedIntRgb extends Sized {
        private final int[] data;
        private final int base;
        private final int scanline;
        private final boolean bgr;

        PackedIntRgb(int w, int h, int[] data, int base, int scanline, boolean bgr) {
            super(w, h);
            this.data = data;
            this.base = base;
            this.scanline = scanline;
            this.bgr = bgr;
        }

        @Override
        public void readRow(int y, float[] dst) {
            int p = base + y * scanline;
            for (int x = 0; x < w; x++) {
                int v = data[p + x];
                int hi = (v >>> 16) & 0xff;
                int g = (v >>> 8) & 0xff;
                int lo = v & 0xff;
                dst[x] = bgr ? LumaSource.luma(lo, g, hi) : LumaSource.luma(hi, g, lo);
            }
        }
    }

    /** Palette images (PNG palette and low-bit-depth grey, GIF): palette colours as stored. */
    private static final class Indexed extends Sized {
        private final Raster raster;
        private final float[] lumaOfIndex;
        private final int[] row;

        Indexed(int w, int h, Raster raster, IndexColorModel cm) {
            super(w, h);
            this.raster = raster;
            int n = cm.getMapSize();
            this.lumaOfIndex = new float
                    [Math.max(n, 1 << Math.min(16, raster.getSampleModel().getSampleSize(0)))];
            for (int i = 0; i < lumaOfIndex.length; i++) {
                int rgb = i < n ? cm.getRGB(i) : 0;
                lumaOfIndex[i] = LumaSource.luma((rgb >>> 16) & 0xff, (rgb >>> 8) & 0xff, rgb & 0xff);
            }
            this.row = new int[w];
        }

        @Override
        public void readRow(int y, float[] dst) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                dst[x] = lumaOfIndex[row[x]];
            }
        }
    }

    /** Anything else: the reference path ({@code getRGB}, which converts to sRGB). */
    private static final class ViaGetRgb extends Sized {
        private final BufferedImage img;
        private final int[] row;

        ViaGetRgb(BufferedImage img) {
            super(img.getWidth(), img.getHeight());
            this.img = img;
            this.row = new int[img.getWidth()];
        }

        @Override
        public void readRow(int y, float[] dst) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int v = row[x];
                dst[x] = LumaSource.luma((v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
            }
        }
    }
}

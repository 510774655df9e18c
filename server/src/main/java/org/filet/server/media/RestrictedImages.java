package org.filet.server.media;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The two ways a picture is ever shown: a small blurred greyscale thumbnail (the default, nothing recognisable), and,
 * after a reveal with a reason, a reduced copy (never the full resolution, which leaves only in a sealed package).
 */
final class RestrictedImages {

    static final int THUMB = 96;
    static final int REVEALED = 800;

    private RestrictedImages() {}

    static byte[] blurredThumbnail(BufferedImage source) {
        BufferedImage grey = scale(source, THUMB, BufferedImage.TYPE_BYTE_GRAY);
        float[] box = new float[49];
        java.util.Arrays.fill(box, 1f / 49);
        ConvolveOp blur = new ConvolveOp(new Kernel(7, 7, box), ConvolveOp.EDGE_NO_OP, null);
        BufferedImage once = blur.filter(grey, null);
        BufferedImage twice = blur.filter(once, null);
        return png(twice);
    }

    static byte[] reduced(BufferedImage source) {
        return png(scale(source, REVEALED, BufferedImage.TYPE_INT_RGB));
    }

    private static BufferedImage scale(BufferedImage source, int max, int type) {
        double factor = Math.min(1.0, (double) max / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, type);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

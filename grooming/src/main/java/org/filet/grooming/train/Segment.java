package org.filet.grooming.train;

import java.util.List;

/** A labelled window of chat messages used for training or measuring. {@code toString} never shows the text. */
public record Segment(List<String> texts, boolean positive, String source) {

    public Segment {
        texts = List.copyOf(texts);
    }

    @Override
    public String toString() {
        return "Segment[" + source + ", messages=" + texts.size() + ", positive=" + positive + "]";
    }
}

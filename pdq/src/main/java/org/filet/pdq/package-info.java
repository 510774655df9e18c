/**
 * PDQ, Meta's 256-bit perceptual image hash, bit-exact with the reference implementations (PDQ.md): hash, quality
 * score and the 8 rotation/mirror variants ({@link org.filet.pdq.PdqHasher}, {@link org.filet.pdq.PdqHash},
 * {@link org.filet.pdq.PdqResult}). Hashing is a pure function of the decoded pixels; decoding untrusted bytes is
 * {@link org.filet.pdq.image}, matching against hash lists is {@link org.filet.pdq.match}, importing lists is
 * {@link org.filet.pdq.lists}. Plain Java, no framework; publishes and listens to no events.
 */
package org.filet.pdq;

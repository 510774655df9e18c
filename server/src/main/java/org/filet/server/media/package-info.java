/**
 * Media: pictures are decoded safely (size limits before decoding), PDQ-hashed, and matched against every earlier
 * report's pictures in an in-memory multi-index; matches link reports. Reviewers are protected: pictures are shown
 * only as blurred greyscale thumbnails; revealing one needs a reason, is recorded in the custody ledger, and counts
 * against a daily exposure budget. Full resolution leaves only inside a sealed package. Listens to the
 * {@code media-received} job.
 */
@NullMarked
package org.filet.server.media;

import org.jspecify.annotations.NullMarked;

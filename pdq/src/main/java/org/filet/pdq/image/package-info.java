/**
 * Safe decoding of untrusted images for hashing: format from magic bytes, dimensions checked against a pixel limit
 * before any pixel is decoded, truncated or damaged files refused with a named error
 * ({@link org.filet.pdq.image.ImageDecoder}).
 */
package org.filet.pdq.image;

/**
 * Signed tree heads: a C2SP checkpoint body (origin, size, root, timestamp), its Ed25519 signature checked with the
 * JDK, the instance's and witnesses' public keys in PEM, cosignatures, and the {@code sth.json} encoding. The private
 * keys that sign are in the {@code seal} module.
 */
package org.filet.verify.sth;

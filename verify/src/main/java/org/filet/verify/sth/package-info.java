/**
 * Signed tree heads: a C2SP checkpoint body (origin, size, root, timestamp) signed with the JDK's Ed25519, the
 * instance key pair in PEM files, and the {@code sth.json} encoding.
 */
package org.filet.verify.sth;

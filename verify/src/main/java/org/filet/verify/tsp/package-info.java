/**
 * RFC 3161 time-stamping over signed tree heads, with BouncyCastle (bcpkix): reply acceptance and normalisation, and
 * token verification (the JDK's providers do the cryptography). Only this package touches BouncyCastle in the
 * verifier, which loads it only when a package carries {@code timestamp.tsr}; requests are built in {@code seal}.
 */
package org.filet.verify.tsp;

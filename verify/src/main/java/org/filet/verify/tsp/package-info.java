/**
 * RFC 3161 time-stamping over signed tree heads, with BouncyCastle (bcpkix): request building, reply acceptance and
 * normalisation, and token verification. Only this package and {@code testing} touch BouncyCastle, and the verifier
 * loads them only when a package carries {@code timestamp.tsr}.
 */
package org.filet.verify.tsp;

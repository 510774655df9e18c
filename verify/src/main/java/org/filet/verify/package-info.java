/**
 * Filet's offline verifier and evidence format, in plain Java with no framework: the sealed evidence package read and
 * checked by {@link org.filet.verify.PackageVerifier} and the {@code verify} command, for police and courts. What
 * writes packages and signs heads is the {@code seal} module ({@code org.filet.seal}), kept out of the police's jar. Sub-packages hold the custody entry encoding, the RFC 9162 Merkle
 * log, signed tree heads, RFC 3161 timestamps and the strict JSON subset they share. Publishes and listens to no
 * events; the format is specified in docs/evidence-package.md.
 */
package org.filet.verify;

/**
 * The parts of the sealed package format: layout and limits, manifest, custody lines, the hostile-input ZIP reader
 * and the seal checks that the writer and the verifier both run.
 */
package org.filet.verify.pkg;

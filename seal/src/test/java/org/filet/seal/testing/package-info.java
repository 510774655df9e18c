/** Test helpers for other modules' tests: an insecure in-process RFC 3161 TSA. Never use in production. */
package org.filet.seal.testing;

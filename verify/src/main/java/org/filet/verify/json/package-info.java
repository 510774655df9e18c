/** The JSON subset of Filet evidence files: a strict, bounded parser and the RFC 8785 canonical form. */
package org.filet.verify.json;

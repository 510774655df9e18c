/**
 * Finding known PDQ hashes within a Hamming distance: the {@link org.filet.pdq.match.PdqMatcher} contract, the
 * reference {@link org.filet.pdq.match.LinearScanMatcher} and the multi-index {@link org.filet.pdq.match.MihIndex}
 * (exact, about 2,500 lookups/s on one core at 10 million hashes, in about 830 MB). Results go to a caller-owned
 * {@link org.filet.pdq.match.MatchBuffer}.
 */
package org.filet.pdq.match;

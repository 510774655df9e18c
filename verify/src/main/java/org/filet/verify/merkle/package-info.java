/**
 * RFC 9162 Merkle log maths: the hasher ({@link org.filet.verify.merkle.Rfc9162}), proof building from any store of
 * complete subtrees ({@link org.filet.verify.merkle.NodeSource}, {@link org.filet.verify.merkle.MerkleProofs}),
 * pure proof verification ({@link org.filet.verify.merkle.InclusionProof},
 * {@link org.filet.verify.merkle.ConsistencyProof}) and an in-memory or memory-mapped log
 * ({@link org.filet.verify.merkle.MerkleLog}, the tree the server's ledger and the tests build proofs from; the
 * verifier itself only checks proofs). Building, verifying and storing are separate, as in
 * transparency-dev/merkle.
 */
package org.filet.verify.merkle;

/**
 * The custody ledger entry (CASE/UCO InvestigativeAction) and its one canonical byte encoding, shared by the server
 * that appends entries and the verifier that reads them back from {@code custody.jsonl}.
 */
package org.filet.verify.custody;

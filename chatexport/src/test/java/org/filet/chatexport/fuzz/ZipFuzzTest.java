package org.filet.chatexport.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the import path for upload.zip inputs; regression inputs live in ZipFuzzTestInputs/zipArchive/. */
class ZipFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void zipArchive(byte[] data) {
        FuzzChecks.parseAs("upload.zip", data);
    }
}

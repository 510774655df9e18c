package org.filet.chatexport.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the import path for message_1.json inputs; regression inputs live in JsonFuzzTestInputs/jsonExports/. */
class JsonFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void jsonExports(byte[] data) {
        FuzzChecks.parseAs("message_1.json", data);
    }
}

package org.filet.chatexport.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the import path for messages.csv inputs; regression inputs live in CsvFuzzTestInputs/discordCsv/. */
class CsvFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void discordCsv(byte[] data) {
        FuzzChecks.parseAs("messages.csv", data);
    }
}

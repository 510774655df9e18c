package org.filet.chatexport.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the import path for chat.txt inputs; regression inputs live in WhatsAppFuzzTestInputs/whatsAppText/. */
class WhatsAppFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void whatsAppText(byte[] data) {
        FuzzChecks.parseAs("chat.txt", data);
    }
}

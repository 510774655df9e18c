package org.filet.chatexport.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the import path for sms.xml inputs; regression inputs live in SmsFuzzTestInputs/smsBackup/. */
class SmsFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void smsBackup(byte[] data) {
        FuzzChecks.parseAs("sms.xml", data);
    }
}

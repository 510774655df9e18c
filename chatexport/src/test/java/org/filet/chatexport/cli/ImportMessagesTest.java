package org.filet.chatexport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ImportMessagesTest {
    private static final String BUNDLE = "org.filet.chatexport.cli.ImportMessages";

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        ResourceBundle en = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
        ResourceBundle fr = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH);
        assertThat(fr.keySet()).isEqualTo(en.keySet());
        for (String key : en.keySet()) {
            assertThat(fr.getString(key))
                    .as(key)
                    .isNotEqualTo(en.getString(key))
                    .isNotBlank();
        }
    }

    @Test
    void helpIsShownInFrench() {
        CommandLine cl = new CommandLine(new ImportCommand());
        cl.setResourceBundle(ResourceBundle.getBundle(BUNDLE, Locale.FRENCH));
        String usage = cl.getUsageMessage();
        assertThat(usage).contains("Fuseau horaire").contains("Codes de sortie").contains("jour/mois");
        CommandLine english = new CommandLine(new ImportCommand());
        english.setResourceBundle(ResourceBundle.getBundle(BUNDLE, Locale.ROOT));
        assertThat(english.getUsageMessage()).contains("time zone").contains("Exit codes");
    }
}

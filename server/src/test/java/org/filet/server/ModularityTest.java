package org.filet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The capabilities are modules: no cycles between them, and none reaches into another's internals. Writes the module
 * diagram (PlantUML, C4) and checks that the copy committed at {@code docs/capabilities.puml} is the one the code
 * gives (Spring Modulith writes its lines in no fixed order, so they are compared as a set);
 * {@code -Dfilet.docs.write=true} rewrites it.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(FiletApplication.class);

    @Test
    void capabilitiesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDiagramIsTheCodes() throws IOException {
        new Documenter(MODULES).writeModulesAsPlantUml();
        Path generated = Path.of("target/spring-modulith-docs/components.puml");
        assertThat(generated).exists();
        Path committed = Path.of(System.getProperty("filet.repo.root", "..")).resolve("docs/capabilities.puml");
        if (Boolean.getBoolean("filet.docs.write")) {
            Files.copy(generated, committed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(committed)
                .as("docs/capabilities.puml: run ModularityTest with -Dfilet.docs.write=true")
                .exists();
        assertThat(lines(committed))
                .as("docs/capabilities.puml: run ModularityTest with -Dfilet.docs.write=true")
                .containsExactlyInAnyOrderElementsOf(lines(generated));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .sorted()
                .toList();
    }
}

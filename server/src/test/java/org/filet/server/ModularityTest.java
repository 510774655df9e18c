package org.filet.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The capabilities are modules: no cycles between them, and none reaches into another's internals. Writes the module
 * diagram (PlantUML) under target/spring-modulith-docs.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(FiletApplication.class);

    @Test
    void capabilitiesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        new org.springframework.modulith.docs.Documenter(MODULES).writeModulesAsPlantUml();
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Path.of("target/spring-modulith-docs/components.puml"))
                .exists();
    }
}

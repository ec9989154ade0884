package vn.hoclieu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules of docs/architecture.md stay modules: no cycles, no reaching into another's internals. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(HoclieuApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

package vn.hoclieu.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoclieu.IntegrationTest;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

@Tag(TestGroups.POSTGRES)
class LibraryServiceTest extends IntegrationTest {

    @Autowired
    LibraryService libraries;

    @Test
    void sampleLibrariesAreRegisteredWithTheirTypes() {
        assertThat(libraries.byCode("HN-TTHTCD-BD")).get()
                .extracting(Library::getType).isEqualTo(LibraryType.COMMUNITY_LEARNING_CENTRE);
        assertThat(libraries.all()).extracting(Library::getType).contains(LibraryType.PUBLIC, LibraryType.SCHOOL,
                LibraryType.CONTINUING_EDUCATION_CENTRE);
    }

    @Test
    void registeringAnExistingCodeUpdatesIt() {
        Library first = libraries.register("TEST-LIB", "Thư viện thử", LibraryType.SCHOOL, "Đống Đa", "Láng Thượng");
        Library again = libraries.register("TEST-LIB", "Thư viện thử nghiệm", LibraryType.PUBLIC, "Đống Đa", null);
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(libraries.byCode("TEST-LIB")).get().satisfies(l -> {
            assertThat(l.getName()).isEqualTo("Thư viện thử nghiệm");
            assertThat(l.getType()).isEqualTo(LibraryType.PUBLIC);
            assertThat(l.getWard()).isNull();
        });
        assertThat(libraries.byCode(" ")).isEmpty();
    }
}

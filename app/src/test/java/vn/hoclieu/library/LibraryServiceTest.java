package vn.hoclieu.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
                .extracting(LibraryView::type).isEqualTo(LibraryType.COMMUNITY_LEARNING_CENTRE);
        assertThat(libraries.all()).extracting(LibraryView::type).contains(LibraryType.PUBLIC, LibraryType.SCHOOL,
                LibraryType.CONTINUING_EDUCATION_CENTRE);
    }

    @Test
    void registeringAnExistingCodeUpdatesIt() {
        LibraryView first = libraries.register("TEST-LIB", "Thư viện thử", LibraryType.SCHOOL, "Đống Đa",
                "Láng Thượng");
        LibraryView again = libraries.register("TEST-LIB", "Thư viện thử nghiệm", LibraryType.PUBLIC, "Đống Đa", null);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(libraries.byCode("TEST-LIB")).get().satisfies(l -> {
            assertThat(l.name()).isEqualTo("Thư viện thử nghiệm");
            assertThat(l.type()).isEqualTo(LibraryType.PUBLIC);
            assertThat(l.ward()).isNull();
        });
        assertThat(libraries.byCode(" ")).isEmpty();
    }

    @Test
    void librariesByIdsAreAnsweredTogetherLeavingOutUnknownIds() {
        LibraryView tvhn = libraries.byCode("HN-TVHN").orElseThrow();
        LibraryView school = libraries.byCode("HN-THPT-BDM").orElseThrow();
        assertThat(libraries.byIds(Arrays.asList(tvhn.id(), school.id(), tvhn.id(), null, -1L)))
                .containsOnlyKeys(tvhn.id(), school.id())
                .containsEntry(tvhn.id(), tvhn).containsEntry(school.id(), school);
        assertThat(libraries.byIds(Arrays.asList((Long) null))).isEmpty();
    }
}

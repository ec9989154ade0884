package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The description rules every path shares. The upload paths (form, REST, import manifests, edits)
 * refuse a bad value; a harvest leaves it out. The cases are those where the two had drifted apart:
 * spaces around a language, a language longer than its column, a known licence in another spelling.
 */
class MetadataRulesTest {

    /** 20 characters: as long as the column allows. */
    private static final String LONGEST_LANGUAGE = "vi-abcdefgh-abcdefgh";
    private static final String TOO_LONG_LANGUAGE = "vie-abcdefgh-abcdefgh";

    @Test
    void aLanguageIsKeptStrippedAndInLowerCaseWhicheverWayItCame() {
        assertThat(MetadataRules.checkedLanguage(" vi-VN ")).isEqualTo("vi-vn");
        assertThat(harvested(" vi-VN ", null).getLanguage()).isEqualTo("vi-vn");
        assertThat(MetadataRules.checkedLanguage(LONGEST_LANGUAGE)).isEqualTo(LONGEST_LANGUAGE);
    }

    @Test
    void aLanguageLongerThanItsColumnIsRefusedOnUploadAndLeftOutOfAHarvest() {
        assertThat(LONGEST_LANGUAGE).hasSize(20);
        assertBadValue(() -> MetadataRules.checkedLanguage(TOO_LONG_LANGUAGE), "language");
        assertThat(harvested(TOO_LONG_LANGUAGE, null).getLanguage()).isNull();
    }

    @Test
    void aLanguageThatIsNoTagIsRefusedOnUploadAndLeftOutOfAHarvest() {
        for (String notATag : List.of("Tiếng Việt", "vi_VN", "v", "vi-")) {
            assertBadValue(() -> MetadataRules.checkedLanguage(notATag), "language");
            assertThat(harvested(notATag, null).getLanguage()).as(notATag).isNull();
        }
    }

    @Test
    void aKnownLicenceIsKeptInItsOwnSpellingWhicheverWayItCame() {
        assertThat(MetadataRules.checkedLicence("cc-by-sa-4.0")).isEqualTo("CC-BY-SA-4.0");
        assertThat(harvested(null, "cc-by-sa-4.0").getLicence()).isEqualTo("CC-BY-SA-4.0");
        assertThat(MetadataRules.checkedLicence("LicenseRef-All-Rights-Reserved")).isEqualTo("ALL-RIGHTS-RESERVED");
        assertThat(harvested(null, " LicenseRef-All-Rights-Reserved ").getLicence()).isEqualTo("ALL-RIGHTS-RESERVED");
    }

    @Test
    void anotherSpdxIdIsKeptAsGivenAndProseIsNoLicenceId() {
        assertThat(MetadataRules.checkedLicence("GPL-3.0-or-later")).isEqualTo("GPL-3.0-or-later");
        assertThat(harvested(null, "GPL-3.0-or-later").getLicence()).isEqualTo("GPL-3.0-or-later");
        assertThat(MetadataRules.isLicenceId("CC-BY-4.0")).isTrue();

        String prose = "Bản quyền thuộc tác giả";
        assertThat(MetadataRules.isLicenceId(prose)).isFalse();
        assertBadValue(() -> MetadataRules.checkedLicence(prose), "licence");
        assertThat(harvested(null, prose).getLicence()).isNull();
        assertThat(MetadataRules.isLicenceId("X".repeat(41))).as("longer than the column").isFalse();
    }

    @Test
    void blankMeansNoneEverywhere() {
        for (String blank : new String[] {null, "", "   "}) {
            assertThat(MetadataRules.checkedLanguage(blank)).isNull();
            assertThat(MetadataRules.checkedLicence(blank)).isNull();
            assertThat(MetadataRules.isLicenceId(blank)).isFalse();
            Resource r = harvested(blank, blank);
            assertThat(r.getLanguage()).isNull();
            assertThat(r.getLicence()).isNull();
        }
    }

    /** A partner's record with this language and licence, as the harvest keeps it. */
    private static Resource harvested(String language, String licence) {
        HarvestedRecord record = new HarvestedRecord(1L, "Thư viện đối tác", "oai:doi-tac:1", "2026-12-01",
                "https://doi-tac.example/1", null, "Bài giảng", List.of(), List.of(), null, null, null, language,
                null, licence, List.of(), List.of());
        Resource r = new Resource("", MaterialType.OTHER, Visibility.PUBLIC, ResourceStatus.PUBLISHED, null, null);
        HarvestedRecords.apply(record, r);
        return r;
    }

    private static void assertBadValue(Runnable check, String field) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(CatalogException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(400);
            assertThat(e.messageCode()).isEqualTo("problem.upload.badValue");
            assertThat(e.arguments()[0]).isEqualTo(field);
        });
    }
}

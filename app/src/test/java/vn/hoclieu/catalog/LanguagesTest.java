package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * One spelling for a language whichever way it came, and its name in the reader's language: the
 * codes partners and catalogues send (ISO 639-2, both of a bibliographic and terminologic pair), and
 * the names the pages show, from the JDK and the application's own messages.
 */
class LanguagesTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void isoThreeLetterCodesBecomeTheTwoLetterCodeOfTheirLanguage() {
        assertThat(Languages.canonical("vie")).isEqualTo("vi");
        assertThat(Languages.canonical(" VIE ")).isEqualTo("vi");
        assertThat(Languages.canonical("eng")).isEqualTo("en");
        assertThat(Languages.canonical("khm")).isEqualTo("km");
        assertThat(Languages.canonical("vie-vn")).isEqualTo("vi-vn");
        assertThat(Languages.canonical("vi")).isEqualTo("vi");
        assertThat(Languages.canonical(null)).isNull();
    }

    @Test
    void bothCodesOfABibliographicAndTerminologicPairAreOneLanguage() {
        List<String[]> pairs = List.of(new String[] {"fre", "fra", "fr"}, new String[] {"ger", "deu", "de"},
                new String[] {"chi", "zho", "zh"}, new String[] {"cze", "ces", "cs"}, new String[] {"dut", "nld", "nl"},
                new String[] {"gre", "ell", "el"}, new String[] {"per", "fas", "fa"}, new String[] {"rum", "ron", "ro"},
                new String[] {"tib", "bod", "bo"}, new String[] {"wel", "cym", "cy"}, new String[] {"bur", "mya", "my"},
                new String[] {"alb", "sqi", "sq"}, new String[] {"arm", "hye", "hy"}, new String[] {"baq", "eus", "eu"},
                new String[] {"geo", "kat", "ka"}, new String[] {"ice", "isl", "is"}, new String[] {"mac", "mkd", "mk"},
                new String[] {"mao", "mri", "mi"}, new String[] {"may", "msa", "ms"}, new String[] {"slo", "slk", "sk"});
        for (String[] p : pairs) {
            assertThat(Languages.canonical(p[0])).as(p[0]).isEqualTo(p[2]);
            assertThat(Languages.canonical(p[1])).as(p[1]).isEqualTo(p[2]);
        }
    }

    @Test
    void aLanguageWithoutATwoLetterCodeKeepsItsOwnAndWithdrawnCodesGiveWayToTheirSuccessors() {
        assertThat(Languages.canonical("haw")).isEqualTo("haw");
        assertThat(Languages.canonical("tyz")).isEqualTo("tyz");
        assertThat(Languages.canonical("iw")).isEqualTo("he");
        assertThat(Languages.canonical("in")).isEqualTo("id");
    }

    @Test
    void everyPathAnIso6392CodeEntersByKeepsItInOneSpelling() {
        assertThat(MetadataRules.checkedLanguage("VIE")).isEqualTo("vi");
        assertThat(MetadataRules.checkedLanguage("fre")).isEqualTo("fr");
        assertThat(MetadataRules.language("eng-GB")).contains("en-gb");
        HarvestedRecord vie = new HarvestedRecord(1L, "Thư viện đối tác", "oai:doi-tac:1", "2026-12-01",
                "https://doi-tac.example/1", null, "Bài giảng", List.of(), List.of(), null, null, null, "vie",
                null, null, List.of(), List.of());
        Resource r = new Resource("", MaterialType.OTHER, Visibility.PUBLIC, ResourceStatus.PUBLISHED, null, null);
        HarvestedRecords.apply(vie, r);
        assertThat(r.getLanguage()).isEqualTo("vi");
    }

    @Test
    void languagesAreNamedInTheReadersLanguage() {
        LanguageNames names = new LanguageNames(messages());
        assertThat(names.name("vi", VI)).isEqualTo("Tiếng Việt");
        assertThat(names.name("vie", VI)).isEqualTo("Tiếng Việt");
        assertThat(names.name("en", VI)).isEqualTo("Tiếng Anh");
        assertThat(names.name("fr", VI)).isEqualTo("Tiếng Pháp");
        assertThat(names.name("vi", Locale.ENGLISH)).isEqualTo("Vietnamese");
        assertThat(names.name("vie", Locale.ENGLISH)).isEqualTo("Vietnamese");
        assertThat(names.name("en-gb", VI)).startsWith("Tiếng Anh (");
        assertThat(names.name("tyz", VI)).as("a language the JDK cannot name").isEqualTo("Tiếng Tày");
        assertThat(names.name("tyz", Locale.ENGLISH)).isEqualTo("Tày");
        assertThat(names.name("qqq", VI)).as("a code nobody names").isEqualTo("qqq");
        assertThat(names.name(null, VI)).isNull();
        assertThat(names.name(" ", VI)).isNull();
    }

    @Test
    void theFormsOfferTheUsualLanguagesAndKeepAnotherCurrentOne() {
        LanguageNames names = new LanguageNames(messages());
        List<LanguageNames.Choice> usual = names.choices(null);
        assertThat(usual).extracting(LanguageNames.Choice::tag).isEqualTo(Languages.OFFERED);
        assertThat(usual.get(0).name()).isNotBlank();
        assertThat(names.choices("vi")).hasSize(Languages.OFFERED.size());
        assertThat(names.choices("haw")).extracting(LanguageNames.Choice::tag).endsWith("haw");
    }

    @Test
    void fileFormatsAreNamedAndARareOneIsShownAsItIs() {
        FormatNames formats = new FormatNames(messages());
        assertThat(formats.name("application/pdf", VI)).isEqualTo("PDF");
        assertThat(formats.name("application/vnd.openxmlformats-officedocument.wordprocessingml.document", VI))
                .isEqualTo("Word");
        assertThat(formats.name("text/plain; charset=UTF-8", VI)).isEqualTo("Văn bản thuần");
        assertThat(formats.name("text/plain", Locale.ENGLISH)).isEqualTo("Plain text");
        assertThat(formats.name("application/x-hoclieu-test", VI)).isEqualTo("application/x-hoclieu-test");
        assertThat(formats.name(null, VI)).isNull();
    }

    /** The application's own bundles, read as Spring Boot reads them. */
    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}

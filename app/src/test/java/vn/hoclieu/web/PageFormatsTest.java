package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates, times, sizes and numbers as pages write them, in each language, in the network's time zone. */
class PageFormatsTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final PageFormats VI = new PageFormats(Locale.forLanguageTag("vi"), HANOI);
    private static final PageFormats EN = new PageFormats(Locale.ENGLISH, HANOI);

    @Test
    void datesAreDayFirstInBothLanguages() {
        assertThat(VI.date(LocalDate.of(2025, 10, 1))).isEqualTo("01/10/2025");
        assertThat(EN.date(LocalDate.of(2025, 10, 1))).isEqualTo("01/10/2025");
        assertThat(VI.date(null)).isEmpty();
    }

    @Test
    void momentsAreShownInTheNetworksTimeZoneNotUtc() {
        Instant lateEveningUtc = Instant.parse("2025-10-01T18:30:00Z");
        assertThat(VI.dateTime(lateEveningUtc)).isEqualTo("02/10/2025 01:30");
        assertThat(VI.date(lateEveningUtc)).isEqualTo("02/10/2025");
        assertThat(new PageFormats(Locale.ENGLISH, ZoneId.of("UTC")).dateTime(lateEveningUtc))
                .isEqualTo("01/10/2025 18:30");
    }

    @Test
    void sizesAndDecimalsUseTheLanguagesDecimalMark() {
        assertThat(VI.bytes(3_000L)).isEqualTo("2,9 KB");
        assertThat(EN.bytes(3_000L)).isEqualTo("2.9 KB");
        assertThat(VI.bytes(38_400L)).as("whole units from ten on").isEqualTo("38 KB");
        assertThat(VI.bytes(1_153_434L)).isEqualTo("1,1 MB");
        assertThat(VI.bytes(12L * 1024 * 1024)).isEqualTo("12 MB");
        assertThat(VI.bytes(900L)).isEqualTo("900 B");
        assertThat(VI.number(2.25, 1)).isEqualTo("2,2");
        assertThat(EN.number(2.25, 1)).isEqualTo("2.2");
    }

    @Test
    void countsAreGroupedAsTheLanguageGroupsThem() {
        assertThat(VI.number(12_345)).isEqualTo("12.345");
        assertThat(EN.number(12_345)).isEqualTo("12,345");
    }
}

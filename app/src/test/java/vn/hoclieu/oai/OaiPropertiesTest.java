package vn.hoclieu.oai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Zero configuration works; a configured base URL names the repository and the links. */
class OaiPropertiesTest {

    @Test
    void defaultsWorkWithoutConfiguration() {
        OaiProperties p = new OaiProperties(null, null, null, null, null, null);
        assertThat(p.repositoryIdentifier()).isEqualTo("hoclieu.local");
        assertThat(p.adminEmail()).isEqualTo("admin@hoclieu.local");
        assertThat(p.repositoryName()).isEqualTo("Hoclieu");
        assertThat(p.pageSize()).isEqualTo(100);
        assertThat(p.tokenLifetime()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theRepositoryIdentifierComesFromTheBaseUrlsHostWhenItIsADomainName() {
        assertThat(new OaiProperties("https://ThuVien.HaNoi.edu.vn/oai/", null, null, null, null, null))
                .satisfies(p -> assertThat(p.repositoryIdentifier()).isEqualTo("thuvien.hanoi.edu.vn"))
                .satisfies(p -> assertThat(p.baseUrl()).isEqualTo("https://ThuVien.HaNoi.edu.vn/oai"));
        assertThat(new OaiProperties("http://192.168.1.5:8080/oai", null, null, null, null, null).repositoryIdentifier())
                .isEqualTo("hoclieu.local");
        assertThat(new OaiProperties("http://localhost:8080/oai", "tv.example.org", null, null, null, null)
                .repositoryIdentifier()).isEqualTo("tv.example.org");
        assertThatThrownBy(() -> new OaiProperties(null, "not a domain", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OaiProperties(null, null, null, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linksAreMadeFromTheSiteTheProviderBelongsTo() {
        assertThat(OaiController.siteBase("https://thuvien.example.vn/hoclieu/oai"))
                .isEqualTo("https://thuvien.example.vn/hoclieu");
        assertThat(OaiController.siteBase("https://thuvien.example.vn:8443/harvest/provider"))
                .isEqualTo("https://thuvien.example.vn:8443");
    }
}

package vn.hoclieu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoclieu.account.AccountRegistrationTest.unique;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.hoclieu.Browser;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;

/**
 * Repeated failed sign-ins are held back, on the sign-in form and over HTTP Basic (5 for one user
 * name by default; the per-address limit, higher, is covered by {@code AccountSignInThrottleTest}).
 */
class AccountSignInLimitsTest extends IntegrationTest {

    @Test
    void theFormRefusesAfterFiveFailuresEvenTheRightPassword() throws Exception {
        String name = account(unique("doan-mk"), Role.READER, null);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = new Browser(url("")).signIn(name, "sai-mat-khau-" + i);
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/signin?error");
        }
        HttpResponse<String> refused = new Browser(url("")).signIn(name, PASSWORD);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/signin?locked=15");
        String page = Http.get(url("/signin?locked=15")).body();
        assertThat(page).contains("Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút.");
        assertThat(Http.get(url("/signin?locked=15&lang=en")).body())
                .contains("Too many failed sign-ins; try again in 15 minutes.");
        assertThat(Http.get(url("/signin?locked=%3Cb%3E")).body()).contains("thử lại sau 1 phút");

        // the same name over HTTP Basic is held back too
        Http.Response basic = Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, PASSWORD));
        assertThat(basic.status()).isEqualTo(429);
    }

    @Test
    void basicRefusesWith429AndRetryAfter() throws Exception {
        String name = account(unique("basic-sai"), Role.TEACHER, "HN-TVHN");
        for (int i = 0; i < 5; i++) {
            assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, "sai-" + i)).status())
                    .isEqualTo(401);
        }
        Http.Response refused = Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, PASSWORD));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(800L, 900L);
        assertThat(refused.json().get("detail").asString()).contains("thử lại sau 15 phút");

        // the form says so as well
        assertThat(new Browser(url("")).signIn(name, PASSWORD).headers().firstValue("Location").orElseThrow())
                .contains("locked=");
        // other accounts are not affected
        String other = account(unique("basic-dung"), Role.READER, null);
        assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.basic(other, PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInClearsTheCount() throws Exception {
        String name = account(unique("quen-it"), Role.READER, null);
        for (int i = 0; i < 4; i++) {
            Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, "sai-" + i));
        }
        assertThat(new Browser(url("")).signIn(name, PASSWORD).headers().firstValue("Location").orElseThrow())
                .doesNotContain("error").doesNotContain("locked");
        for (int i = 0; i < 4; i++) {
            new Browser(url("")).signIn(name, "sai-lan-nua-" + i);
        }
        assertThat(Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, PASSWORD)).status())
                .as("4 + 4 failures with a success between: never 5 in a row").isEqualTo(200);
    }

    @Test
    void aWrongPasswordOverBasicSaysWhatIsWrong() {
        String name = account(unique("basic-mot"), Role.READER, null);
        Http.Response wrong = Http.get(url("/api/v1/account"), "Authorization", Http.basic(name, "sai"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asString()).contains("mật khẩu không đúng");
        Http.Response none = Http.get(url("/api/v1/account"));
        assertThat(none.json().get("detail").asString()).contains("Cần đăng nhập");
    }
}

package vn.hoclieu.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password checks wait in line beyond the bound, so concurrent HTTP Basic requests cannot fill the heap. */
class BoundedPasswordEncoderTest {

    /** The real Argon2id of the application, counting how many hashes run at the same moment. */
    static final class Counting implements PasswordEncoder {
        final PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return counted(() -> argon2.encode(raw));
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return counted(() -> argon2.matches(raw, encoded));
        }

        private <T> T counted(Supplier<T> work) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                return work.get();
            } finally {
                now.decrementAndGet();
            }
        }
    }

    @Test
    void noMoreHashesAtOnceThanAllowedAndEveryAnswerRight() throws Exception {
        assertThat(mostAtOnce(2)).isLessThanOrEqualTo(2);
    }

    @Test
    void withoutTheBoundTheyPileUp() throws Exception {
        // the same load through an encoder allowing 8 at once: the counter does see them overlap
        assertThat(mostAtOnce(8)).isGreaterThan(2);
    }

    /** Eight concurrent checks, half right and half wrong, through a bound of {@code permits}. */
    private static int mostAtOnce(int permits) throws Exception {
        Counting counting = new Counting();
        String hash = counting.encode("mật khẩu đúng");
        counting.most.set(0);
        PasswordEncoder bounded = new BoundedPasswordEncoder(counting, permits);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean right = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    start.await();
                    return bounded.matches(right ? "mật khẩu đúng" : "mật khẩu sai", hash) == right;
                }));
            }
            start.countDown();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
            return counting.most.get();
        } finally {
            pool.shutdownNow();
        }
    }
}

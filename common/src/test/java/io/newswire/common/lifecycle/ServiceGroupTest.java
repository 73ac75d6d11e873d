package io.newswire.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceGroupTest {

    private final List<String> events = new ArrayList<>();

    /** Records what happens to it in {@link #events}; fails where told to. */
    private final class Recorded implements Service {
        private final String name;
        private RuntimeException onStart;
        private Exception onClose;
        private Throwable failure;

        Recorded(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            events.add("start " + name);
            if (onStart != null) {
                throw onStart;
            }
        }

        @Override
        public void awaitReady(Duration timeout) {
            events.add("ready " + name);
        }

        @Override
        public Throwable failure() {
            return failure;
        }

        @Override
        public void close() throws Exception {
            events.add("close " + name);
            if (onClose != null) {
                throw onClose;
            }
        }
    }

    @Test
    void shouldStartInOrderWaitingForEachAndCloseInReverse() throws Exception {
        try (ServiceGroup group = new ServiceGroup(Duration.ofSeconds(1))) {
            group.start(new Recorded("broker"));
            group.own(() -> events.add("close sink"));
            group.start(new Recorded("streams"));
        }

        assertThat(events).containsExactly("start broker", "ready broker", "start streams", "ready streams",
                "close streams", "close sink", "close broker");
    }

    @Test
    void shouldCloseEveryMemberAndThrowTheFirstFailureWithTheOthersSuppressed() throws Exception {
        ServiceGroup group = new ServiceGroup(Duration.ofSeconds(1));
        Recorded first = group.start(new Recorded("first"));
        Recorded second = group.start(new Recorded("second"));
        Recorded third = group.start(new Recorded("third"));
        first.onClose = new IllegalStateException("first would not close");
        third.onClose = new IllegalStateException("third would not close");

        assertThatThrownBy(group::close)
                .hasMessage("third would not close")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("first would not close"));
        assertThat(events).endsWith("close third", "close second", "close first");
        assertThat(second.onClose).isNull();
    }

    @Test
    void shouldCloseAServiceThatFailedToStartWithTheOnesBeforeIt() throws Exception {
        Recorded broken = new Recorded("broken");
        broken.onStart = new IllegalStateException("port taken");

        try (ServiceGroup group = new ServiceGroup(Duration.ofSeconds(1))) {
            group.start(new Recorded("broker"));
            assertThatThrownBy(() -> group.start(broken)).hasMessage("port taken");
        }

        assertThat(events).containsExactly("start broker", "ready broker", "start broken", "close broken",
                "close broker");
    }

    @Test
    void shouldNameTheFirstServiceThatStoppedOnItsOwn() throws Exception {
        try (ServiceGroup group = new ServiceGroup(Duration.ofSeconds(1))) {
            Recorded streams = group.start(new Recorded("Kafka Streams"));
            group.start(new Recorded("sink consumer"));
            assertThat(group.failure()).isNull();

            streams.failure = new IllegalStateException("fenced");

            assertThat(group.failure()).isEqualTo("Kafka Streams stopped: fenced");
        }
    }

    @Test
    void shouldCloseOnlyOnceAndRefuseNewMembersAfterwards() throws Exception {
        ServiceGroup group = new ServiceGroup(Duration.ofSeconds(1));
        group.start(new Recorded("only"));
        group.close();
        group.close();

        assertThat(events).containsExactly("start only", "ready only", "close only");
        assertThatThrownBy(() -> group.start(new Recorded("late"))).isInstanceOf(IllegalStateException.class);
    }
}

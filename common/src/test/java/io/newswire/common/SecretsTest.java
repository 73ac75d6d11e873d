package io.newswire.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void shouldMaskThePasswordOfAJdbcUrlAndKeepTheRest() {
        assertThat(Secrets.redact("cannot open sink jdbc:postgresql://db:5432/news?user=newswire&password=s3cr3t&ssl=true: refused"))
                .isEqualTo("cannot open sink jdbc:postgresql://db:5432/news?user=newswire&password=***&ssl=true: refused");
        assertThat(Secrets.redact("jdbc:sqlserver://db;user=a;Password=s3cr3t;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=a;Password=***;encrypt=true");
    }

    @Test
    void shouldMaskUserInfoInAUrl() {
        assertThat(Secrets.redact("jdbc:postgresql://newswire:s3cr3t@db:5432/news"))
                .isEqualTo("jdbc:postgresql://newswire:***@db:5432/news");
    }

    @Test
    void shouldMaskTheJaasPasswordQuotedOrNotAndEveryPasswordSetting() {
        String jaas = "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"newswire\" password=\"pa ss\\\"word\";";
        assertThat(Secrets.redact(jaas)).isEqualTo("sasl.jaas.config=org.apache.kafka.common.security.scram."
                + "ScramLoginModule required username=\"newswire\" password=\"***\";");
        assertThat(Secrets.redact("ssl.truststore.password = changeit, ssl.key.password=k3y"))
                .isEqualTo("ssl.truststore.password = ***, ssl.key.password=***");
        assertThat(Secrets.redact("{password: 'x1'}")).isEqualTo("{password: ***}");
    }

    @Test
    void shouldLeaveTextWithoutSecretsAlone() {
        String text = "the password policy changed; mail me at a@b.example, see https://example.com/x";
        assertThat(Secrets.redact(text)).isEqualTo(text);
        assertThat(Secrets.redact(null)).isNull();
    }
}

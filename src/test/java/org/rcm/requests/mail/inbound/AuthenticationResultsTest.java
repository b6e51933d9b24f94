package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** {@link AuthenticationResults} on headers as real receiving servers write them (RFC 8601). */
class AuthenticationResultsTest {

    @Test
    void readsGmailsHeaderWithItsCommentsDropped() {
        AuthenticationResults header = AuthenticationResults.parse("mx.google.com;"
                + "       dkim=pass header.i=@iom.int header.s=selector2 header.b=Qk3z9sPa;"
                + "       arc=pass (i=1 spf=pass spfdomain=iom.int dkim=pass dkdomain=iom.int dmarc=pass"
                + " fromdomain=iom.int);"
                + "       spf=pass (google.com: domain of focal.point@iom.int designates 40.107.22.61 as permitted"
                + " sender)"
                + " smtp.mailfrom=focal.point@iom.int;"
                + "       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=iom.int");

        assertThat(header.authservId()).as("authserv-id").isEqualTo("mx.google.com");
        assertThat(header.results()).extracting(AuthenticationResults.Result::method).as("methods")
                .containsExactly("dkim", "arc", "spf", "dmarc");
        assertThat(header.results().get(0).property("header.i")).as("dkim header.i").isEqualTo("@iom.int");
        assertThat(header.results().get(1).properties()).as("arc: its comment is not properties").isEmpty();
        assertThat(header.results().get(2).properties()).as("spf properties, comment dropped")
                .containsExactly(java.util.Map.entry("smtp.mailfrom", "focal.point@iom.int"));
        assertThat(header.results().get(3).toString()).as("dmarc as written")
                .isEqualTo("dmarc=pass header.from=iom.int");
    }

    @Test
    void microsoft365WritesNoAuthservId() {
        AuthenticationResults header = AuthenticationResults.parse("spf=pass (sender IP is 209.85.128.52)"
                + " smtp.mailfrom=paho.org; dkim=pass (signature was verified) header.d=paho.org;dmarc=pass"
                + " action=none header.from=paho.org;compauth=pass reason=100");

        assertThat(header.authservId()).as("authserv-id").isNull();
        assertThat(header.results()).extracting(AuthenticationResults.Result::toString).as("results")
                .containsExactly("spf=pass smtp.mailfrom=paho.org", "dkim=pass header.d=paho.org",
                        "dmarc=pass action=none header.from=paho.org", "compauth=pass reason=\"100\"");
    }

    @Test
    void readsOpenDkimsQuotedValuesAndAVersion() {
        AuthenticationResults header = AuthenticationResults.parse("mx.crm.example.org 1;\t"
                + "dkim=pass (2048-bit key; unprotected) header.d=unhcr.org header.i=@unhcr.org header.a=rsa-sha256"
                + " header.s=s1 header.b=\"Zx9/ab+c\"");

        assertThat(header.authservId()).as("authserv-id without its version").isEqualTo("mx.crm.example.org");
        assertThat(header.results()).singleElement().satisfies(dkim -> {
            assertThat(dkim.result()).as("result").isEqualTo("pass");
            assertThat(dkim.property("header.d")).as("header.d").isEqualTo("unhcr.org");
            assertThat(dkim.property("header.b")).as("quoted header.b").isEqualTo("Zx9/ab+c");
        });
    }

    @Test
    void semicolonsAndParenthesesInsideQuotesOrCommentsSeparateNothing() {
        AuthenticationResults header = AuthenticationResults.parse("\"mx.crm.example.org\"; DKIM = FAIL"
                + " reason=\"bad signature; body hash (mismatch)\" (nested (comment; x=y) here) header.d=iom.int;"
                + " dmarc=fail header.from=iom.int");

        assertThat(header.authservId()).as("quoted authserv-id").isEqualTo("mx.crm.example.org");
        assertThat(header.results()).extracting(AuthenticationResults.Result::toString).as("results")
                .containsExactly("dkim=fail reason=\"bad signature; body hash (mismatch)\" header.d=iom.int",
                        "dmarc=fail header.from=iom.int");
    }

    @Test
    void noneMeansNoResults() {
        AuthenticationResults header = AuthenticationResults.parse("mx.crm.example.org; none");

        assertThat(header.authservId()).as("authserv-id").isEqualTo("mx.crm.example.org");
        assertThat(header.results()).as("results").isEmpty();
    }

    @Test
    void brokenHeadersGiveWhatCanBeReadAndNeverThrow() {
        for (String broken : new String[] {null, "", ";;;", "mx.crm.example.org; dkim=", "(unclosed; dkim=pass",
                "mx; dkim=pass header.d=\"unterminated", "\\", "=;=", "mx.crm.example.org; ) dmarc=pass"}) {
            assertThatCode(() -> AuthenticationResults.parse(broken)).as("parsing " + broken)
                    .doesNotThrowAnyException();
        }
        assertThat(AuthenticationResults.parse("(unclosed; dmarc=pass header.from=iom.int").results())
                .as("results inside an unclosed comment").isEmpty();
    }
}

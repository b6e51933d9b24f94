package org.rcm.requests.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link SenderVerification}: only the trusted receiving server's results count, and only for the From: domain. */
class SenderVerificationTest {

    private static final String TRUSTED = "mx.crm.example.org";
    private static final String FROM = "focal.point@iom.int";

    private static SenderVerification check(String... headers) {
        return SenderVerification.check(TRUSTED, FROM, List.of(headers));
    }

    @Test
    void postfixWithOpenDkimAndOpenDmarcVerifiesByDmarc() {
        SenderVerification verdict = check(
                "mx.crm.example.org; dmarc=pass (p=reject dis=none) header.from=iom.int",
                "mx.crm.example.org; dkim=pass (2048-bit key; unprotected) header.d=iom.int header.i=@iom.int"
                        + " header.a=rsa-sha256 header.s=s1 header.b=\"Zx9/ab+c\"",
                "mx.crm.example.org; spf=pass (mailfrom) smtp.mailfrom=iom.int (client-ip=40.107.22.61;"
                        + " helo=eur05.outbound.protection.outlook.com; envelope-from=focal.point@iom.int)");

        assertThat(verdict.verified()).as("verified; evidence: " + verdict.evidence()).isTrue();
        assertThat(verdict.evidence()).as("evidence").isEqualTo("mx.crm.example.org: dmarc=pass header.from=iom.int");
    }

    @Test
    void gmailAsTheTrustedServerVerifies() {
        SenderVerification verdict = SenderVerification.check("mx.google.com", FROM, List.of("mx.google.com;"
                + " dkim=pass header.i=@iom.int header.s=selector2 header.b=Qk3z9sPa;"
                + " spf=pass (google.com: domain of focal.point@iom.int designates 40.107.22.61 as permitted sender)"
                + " smtp.mailfrom=focal.point@iom.int;"
                + " dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=iom.int"));

        assertThat(verdict.verified()).as("verified; evidence: " + verdict.evidence()).isTrue();
    }

    @Test
    void aForgedPassFromAnotherServerPlacedFirstIsIgnored() {
        SenderVerification verdict = check(
                "mx.google.com; dkim=pass header.d=iom.int; dmarc=pass header.from=iom.int",
                "mx.crm.example.org; dkim=none; spf=softfail smtp.mailfrom=bulk.example; dmarc=fail (p=reject)"
                        + " header.from=iom.int");

        assertThat(verdict.verified()).as("verified").isFalse();
        assertThat(verdict.evidence()).as("evidence: the trusted server's results only").isEqualTo(
                "From: iom.int; mx.crm.example.org: dkim=none; spf=softfail smtp.mailfrom=bulk.example;"
                        + " dmarc=fail header.from=iom.int");
    }

    @Test
    void aPassOnlyFromAnotherServerIsNoEvidence() {
        SenderVerification verdict = check("mx.google.com; dmarc=pass header.from=iom.int",
                "spf=pass (sender IP is 209.85.128.52) smtp.mailfrom=iom.int; dmarc=pass action=none"
                        + " header.from=iom.int;compauth=pass reason=100");

        assertThat(verdict.verified()).as("verified").isFalse();
        assertThat(verdict.evidence()).as("evidence").isEqualTo(
                "no Authentication-Results from mx.crm.example.org; ignored those from mx.google.com, (none)");
    }

    @Test
    void dmarcFailIsNotVerified() {
        SenderVerification verdict = check("mx.crm.example.org; dmarc=fail (p=none dis=none) header.from=iom.int");

        assertThat(verdict.verified()).as("verified").isFalse();
        assertThat(verdict.evidence()).as("evidence").contains("dmarc=fail header.from=iom.int");
    }

    @Test
    void dkimPassForAnUnalignedDomainIsNotVerified() {
        SenderVerification verdict = check("mx.crm.example.org; dkim=pass header.d=bulk-mailer.example"
                + " header.i=@bulk-mailer.example; dmarc=none header.from=iom.int");

        assertThat(verdict.verified()).as("verified").isFalse();
        assertThat(verdict.evidence()).as("evidence").contains("dkim=pass header.d=bulk-mailer.example");
    }

    @Test
    void dkimPassAlignedByDomainOrSubdomainVerifies() {
        assertThat(check("mx.crm.example.org; dkim=pass header.d=iom.int").verified()).as("same domain").isTrue();
        assertThat(check("mx.crm.example.org; dkim=pass header.d=mail.iom.int").verified()).as("signer a subdomain")
                .isTrue();
        assertThat(SenderVerification.check(TRUSTED, "a@hq.iom.int", List.of("mx.crm.example.org; dkim=pass"
                + " header.d=iom.int")).verified()).as("From: a subdomain").isTrue();
        assertThat(check("mx.crm.example.org; dkim=pass header.i=@IOM.int.").verified()).as("header.i only")
                .isTrue();
    }

    @Test
    void lookAlikeAndSiblingDomainsDoNotAlign() {
        assertThat(check("mx.crm.example.org; dkim=pass header.d=notiom.int").verified()).as("look-alike").isFalse();
        assertThat(SenderVerification.check(TRUSTED, "a@unodc.un.org", List.of("mx.crm.example.org; dkim=pass"
                + " header.d=unhcr.un.org")).verified()).as("sibling").isFalse();
        assertThat(check("mx.crm.example.org; dkim=fail header.d=iom.int").verified()).as("aligned but failed")
                .isFalse();
    }

    @Test
    void dmarcPassForAnotherFromDomainIsNotVerified() {
        SenderVerification verdict = check("mx.crm.example.org; dmarc=pass header.from=bulk-mailer.example");

        assertThat(verdict.verified()).as("verified").isFalse();
    }

    @Test
    void noHeaderOrNoResultsOrNoSenderIsNotVerified() {
        assertThat(check().evidence()).as("no header").isEqualTo("no Authentication-Results from mx.crm.example.org");
        assertThat(check("mx.crm.example.org; none").evidence()).as("none")
                .isEqualTo("From: iom.int; mx.crm.example.org: none");
        assertThat(SenderVerification.check(TRUSTED, null, List.of("mx.crm.example.org; dmarc=pass"
                + " header.from=iom.int")).evidence()).as("no From:").isEqualTo("no From: address");
    }

    @Test
    void theAuthservIdComparesWithoutCase() {
        assertThat(check("MX.CRM.Example.ORG; dmarc=pass header.from=IOM.INT").verified()).as("verified").isTrue();
    }

    @Test
    void foldedHeadersOfARealMessageAreReadInOrder() {
        String raw = "Authentication-Results: mx.google.com;\r\n"
                + "       dmarc=pass header.from=iom.int\r\n"
                + "Received: from mx.google.com by mx.crm.example.org; Mon, 2 Mar 2026 16:40:13 -0600\r\n"
                + "Authentication-Results: mx.crm.example.org;\r\n"
                + "\tdkim=pass (2048-bit key) header.d=iom.int header.b=\"Zx9/ab+c\";\r\n"
                + "\tdmarc=pass (p=reject dis=none) header.from=iom.int\r\n"
                + "From: Focal point <Focal.Point@IOM.int>\r\nTo: secretaria@crm.example.org\r\n"
                + "Subject: Re: [CRM-2026-0007] Solicitud\r\nMessage-ID: <a1@iom.int>\r\n\r\nAdjunto.\r\n";

        ParsedMessage parsed = new MessageParser().parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(parsed.authenticationResults()).as("raw header values, unfolded, in order").containsExactly(
                "mx.google.com; dmarc=pass header.from=iom.int",
                "mx.crm.example.org; dkim=pass (2048-bit key) header.d=iom.int header.b=\"Zx9/ab+c\"; "
                        + "dmarc=pass (p=reject dis=none) header.from=iom.int");
        assertThat(SenderVerification.check(TRUSTED, parsed.from(), parsed.authenticationResults()).verified())
                .as("verified").isTrue();
    }
}

package org.rcm.requests.mail.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether the organization's own receiving server vouches for the {@code From:} domain of a message: one of its
 * {@code Authentication-Results} (those whose authserv-id is the trusted one) shows {@code dmarc=pass} for that
 * domain, or a {@code dkim=pass} whose signing domain is aligned with it. Results written under any other
 * authserv-id are ignored: anyone can put such a header in a message, and the trusted server removes only those
 * carrying its own id (RFC 8601, section 5).
 *
 * @param evidence what the verdict rests on, for the officer who sees the message in triage
 */
record SenderVerification(boolean verified, String evidence) {

    /** How triage marks a message that failed the check. */
    static final String NOT_VERIFIED = "remitente no verificado / sender not verified";

    static SenderVerification check(String trustedAuthservId, String from, List<String> authenticationResults) {
        String fromDomain = domain(from);
        if (fromDomain == null) {
            return new SenderVerification(false, "no From: address");
        }
        List<AuthenticationResults> all = authenticationResults.stream().map(AuthenticationResults::parse).toList();
        List<AuthenticationResults.Result> trusted = all.stream()
                .filter(header -> trustedAuthservId.equalsIgnoreCase(header.authservId()))
                .flatMap(header -> header.results().stream()).toList();
        for (AuthenticationResults.Result result : trusted) {
            if (vouches(result, fromDomain)) {
                return new SenderVerification(true, trustedAuthservId + ": " + result);
            }
        }
        if (all.stream().noneMatch(header -> trustedAuthservId.equalsIgnoreCase(header.authservId()))) {
            String others = all.stream().map(header -> Objects.requireNonNullElse(header.authservId(), "(none)"))
                    .distinct().collect(Collectors.joining(", "));
            return new SenderVerification(false, "no Authentication-Results from " + trustedAuthservId
                    + (others.isEmpty() ? "" : "; ignored those from " + others));
        }
        return new SenderVerification(false, "From: " + fromDomain + "; " + trustedAuthservId + ": "
                + (trusted.isEmpty() ? "none" : trusted.stream().map(Object::toString)
                .collect(Collectors.joining("; "))));
    }

    private static boolean vouches(AuthenticationResults.Result result, String fromDomain) {
        if (!result.result().equals("pass")) {
            return false;
        }
        if (result.method().equals("dmarc")) {
            return fromDomain.equals(domain(result.property("header.from")));
        }
        if (result.method().equals("dkim")) {
            String signer = domain(result.property("header.d"));
            return aligned(signer != null ? signer : domain(result.property("header.i")), fromDomain);
        }
        return false;
    }

    /**
     * Relaxed alignment, kept simple: the same domain, or one a subdomain of the other. DMARC proper compares
     * organizational domains (public suffix list); this is stricter for siblings ({@code a.un.org} and
     * {@code b.un.org} do not align) and looser only for a key published at a public suffix itself, which only its
     * registry could publish.
     */
    static boolean aligned(String signer, String fromDomain) {
        return signer != null && (signer.equals(fromDomain) || signer.endsWith("." + fromDomain)
                || fromDomain.endsWith("." + signer));
    }

    /** The part after the last {@code @} (or the whole value), lower-cased, without a trailing dot; null if empty. */
    static String domain(String value) {
        if (value == null) {
            return null;
        }
        String domain = value.substring(value.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT)
                .replaceAll("\\.$", "");
        return domain.isEmpty() ? null : domain;
    }
}

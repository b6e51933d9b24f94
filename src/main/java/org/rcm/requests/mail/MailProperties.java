package org.rcm.requests.mail;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Secretariat's mailbox ({@code app.mail.secretariat-address}): requests go out from it and replies come back
 * to it. Its domain also ends every Message-ID the product makes.
 */
@Validated
@ConfigurationProperties("app.mail")
public record MailProperties(@NotBlank @Email String secretariatAddress, @NotBlank String secretariatName) {

    public String domain() {
        return secretariatAddress.substring(secretariatAddress.indexOf('@') + 1);
    }
}

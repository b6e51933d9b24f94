package org.rcm.requests.mail.outbound;

/** A message that could not be built or handed to the mail server; the job retries it, then raises an incident. */
public class MailSendingException extends RuntimeException {

    public MailSendingException(String message, Throwable cause) {
        super(message, cause);
    }
}
